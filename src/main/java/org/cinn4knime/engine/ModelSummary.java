package org.cinn4knime.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * What a trained model is, in words: the one place that formats a model summary, used by the KNIME model port (its
 * summary and view, {@code CinnPortObjectSpec#describe}) and by the command line's {@code info} command.
 * <p>
 * {@link #describe} gives the one-paragraph summary the port shows; {@link #lines} the command line's longer text
 * (columns, architecture, column domains, training-target range, training history, provenance, format version);
 * {@link #toJson} the same facts as JSON.
 */
public final class ModelSummary {

    /** Shown in the summary when the best loss is negative. */
    public static final String NEGATIVE_LOSS_NOTE = "The training loss is negative, which is normal: it is a negative "
        + "log-likelihood of continuous values, and a negative value means a high probability density.";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .serializeSpecialFloatingPointValues().create();

    /**
     * How training went, as the summary reports it.
     *
     * @param rows training rows (training plus validation)
     * @param epochsTrained epochs run
     * @param bestEpoch 1-based epoch whose weights the model keeps
     * @param bestLoss that epoch's validation loss (training loss without validation rows), training objective on
     *        standardised data (nats per row, without constants)
     * @param bestValidationNll that epoch's validation NLL in nats per row in the data's units (NaN without
     *        validation rows)
     * @param stopReason why training stopped
     */
    public record Training(long rows, int epochsTrained, int bestEpoch, double bestLoss, double bestValidationNll,
        String stopReason) {

        /**
         * @param model a trained model
         * @return its training summary, from the history stored with it
         */
        public static Training of(final CinnModel model) {
            final ModelInfo info = model.info();
            final EpochStats best = info.history().stream().filter(s -> s.epoch() == info.bestEpoch()).findFirst()
                .orElse(null);
            final double bestLoss = best == null ? info.bestValidationLoss()
                : Double.isNaN(best.validationLoss()) ? best.trainLoss() : best.validationLoss();
            final double validation = best == null ? info.bestValidationLoss() : best.validationLoss();
            return new Training(info.rows(), info.history().size(), info.bestEpoch(), bestLoss,
                Double.isNaN(validation) ? Double.NaN : model.lossToNll(validation), info.stopReason());
        }
    }

    private ModelSummary() {
    }

    /**
     * The one-paragraph plain-language summary (the KNIME model port's summary).
     *
     * @param xNames design column names, in model order
     * @param yNames target column names, in model order
     * @param a the architecture
     * @param training how training went, or null before training (configure time)
     * @param domains the column domains, one line each (empty: none)
     * @return one paragraph
     */
    public static String describe(final List<String> xNames, final List<String> yNames, final CinnArchitecture a,
        final Training training, final List<String> domains) {
        final StringBuilder sb = new StringBuilder();
        sb.append("cINN for ").append(xNames.size()).append(" x column(s) ").append(xNames)
            .append(" given ").append(yNames.size()).append(" y column(s) ").append(yNames)
            .append("; ").append(architecture(a));
        if (training != null) {
            sb.append("; trained ").append(training.epochsTrained()).append(" epoch(s) on ").append(training.rows())
                .append(" rows, best epoch ").append(training.bestEpoch());
            if (!Double.isNaN(training.bestValidationNll())) {
                sb.append(", best validation NLL ")
                    .append(String.format(Locale.ROOT, "%.4f", training.bestValidationNll()))
                    .append(" nats per row (in the data's units, comparable to the cINN Scorer's mean NLL)");
            }
            sb.append(" (").append(training.stopReason()).append(").");
            if (!domains.isEmpty()) {
                sb.append(" Column domains: ").append(String.join("; ", domains)).append('.');
            }
            if (training.bestLoss() < 0) {
                sb.append(' ').append(NEGATIVE_LOSS_NOTE);
            }
        }
        return sb.toString();
    }

    /**
     * @param model a trained model
     * @return its one-paragraph summary, as {@link #describe(List, List, CinnArchitecture, Training, List)}
     */
    public static String describe(final CinnModel model) {
        return describe(model.xNames(), model.yNames(), model.architecture(), Training.of(model), domainLines(model));
    }

    /** The architecture in words ({@link CinnArchitecture#summary()}). */
    static String architecture(final CinnArchitecture a) {
        return a.summary();
    }

    private static List<String> domainLines(final CinnModel model) {
        return model.domains() == null ? List.of() : model.domains().describe();
    }

    /**
     * The longer text of the command line's {@code info}: one fact per line.
     *
     * @param model a trained model
     * @return lines without line terminators
     */
    public static List<String> lines(final CinnModel model) {
        final ModelInfo info = model.info();
        final Training t = Training.of(model);
        final List<String> l = new ArrayList<>();
        l.add("model file format: " + info.formatVersion());
        l.add("x (design) columns: " + String.join(", ", model.xNames()));
        l.add("y (target) columns: " + String.join(", ", model.yNames()));
        l.add("architecture: " + architecture(model.architecture()));
        l.add("network dimensions: " + model.netDim() + " (the expected |z|² of a well-calibrated model)");
        final List<String> domains = domainLines(model);
        l.add("column domains: " + (model.domains() == null ? "none (the network sees the raw columns)"
            : domains.isEmpty() ? "none" : String.join("; ", domains)));
        final TargetRange range = model.targetRange();
        final StringBuilder r = new StringBuilder(range.isDerived()
            ? "training-target range (derived: mean ± 4 sd, format 1 stored none): "
            : "training-target range: ");
        for (int c = 0; c < model.yNames().size(); c++) {
            r.append(c == 0 ? "" : ", ").append(model.yNames().get(c)).append(' ')
                .append(NumberText.fmt(range.min()[c])).append(" … ").append(NumberText.fmt(range.max()[c]));
        }
        if (!range.isDerived()) {
            r.append(" (").append(range.reference().length).append(" reference rows, neighbour rank ")
                .append(range.neighbours()).append(')');
        }
        l.add(r.toString());
        l.add(String.format(Locale.ROOT, "training: %d rows (%d for validation), %d epochs, best epoch %d, %s",
            info.rows(), info.validationRows(), t.epochsTrained(), t.bestEpoch(), t.stopReason()));
        l.add(Double.isNaN(t.bestValidationNll()) ? "best validation NLL: none (no validation rows)"
            : String.format(Locale.ROOT, "best validation NLL: %.4f nats per row (data units; loss %.4f)",
                t.bestValidationNll(), t.bestLoss()));
        for (final String w : info.warnings()) {
            l.add("training warning: " + w);
        }
        l.add("trained: " + info.creationTime() + " with " + versions(info.libraryVersions()));
        l.add("data fingerprint (SHA-256): " + info.dataFingerprint());
        return l;
    }

    private static String versions(final Map<String, String> versions) {
        final StringBuilder sb = new StringBuilder();
        new TreeMap<>(versions).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
            .append(v));
        return sb.toString();
    }

    /**
     * @param model a trained model
     * @return the facts of {@link #lines} as a JSON object: formatVersion, xNames, yNames, architecture,
     *         networkDimensions, domains (the model file's member, or null), targets (min, max, derived), training,
     *         provenance, summary (the paragraph of {@link #describe(CinnModel)})
     */
    public static JsonObject toJson(final CinnModel model) {
        final ModelInfo info = model.info();
        final Training t = Training.of(model);
        final JsonObject j = new JsonObject();
        j.addProperty("formatVersion", info.formatVersion());
        j.add("xNames", strings(model.xNames()));
        j.add("yNames", strings(model.yNames()));
        j.add("architecture", GSON.toJsonTree(model.architecture()));
        j.addProperty("networkDimensions", model.netDim());
        j.add("domains", model.domains() == null ? JsonNull.INSTANCE : model.domains().toJson());
        j.add("domainLines", strings(domainLines(model)));
        final TargetRange range = model.targetRange();
        final JsonObject targets = new JsonObject();
        targets.add("min", numbers(range.min()));
        targets.add("max", numbers(range.max()));
        targets.addProperty("derived", range.isDerived());
        if (!range.isDerived()) {
            targets.addProperty("referenceRows", range.reference().length);
            targets.addProperty("neighbours", range.neighbours());
            targets.add("threshold", number(range.threshold()));
        }
        j.add("targets", targets);
        final JsonObject training = new JsonObject();
        training.addProperty("rows", info.rows());
        training.addProperty("validationRows", info.validationRows());
        training.addProperty("epochs", t.epochsTrained());
        training.addProperty("bestEpoch", t.bestEpoch());
        training.add("bestLoss", number(t.bestLoss()));
        training.add("bestValidationNll", number(t.bestValidationNll()));
        training.addProperty("stopReason", t.stopReason());
        training.add("warnings", strings(info.warnings()));
        j.add("training", training);
        final JsonObject provenance = new JsonObject();
        provenance.addProperty("creationTime", info.creationTime());
        provenance.addProperty("dataFingerprint", info.dataFingerprint());
        final JsonObject versions = new JsonObject();
        new TreeMap<>(info.libraryVersions()).forEach(versions::addProperty);
        provenance.add("libraryVersions", versions);
        j.add("provenance", provenance);
        j.addProperty("summary", describe(model));
        return j;
    }

    /** @return {@code json} as indented text */
    public static String toText(final JsonObject json) {
        return GSON.toJson(json);
    }

    private static JsonArray strings(final List<String> l) {
        final JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    private static JsonArray numbers(final double[] v) {
        final JsonArray a = new JsonArray();
        Arrays.stream(v).forEach(x -> a.add(number(x)));
        return a;
    }

    /** A number, or null for NaN and infinities (not JSON numbers). */
    private static com.google.gson.JsonElement number(final double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }
}
