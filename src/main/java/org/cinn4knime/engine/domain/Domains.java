package org.cinn4knime.engine.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnDataException;
import org.cinn4knime.engine.ModelFormatException;
import org.cinn4knime.engine.NumberText;
import org.cinn4knime.engine.TrainingData;

import com.google.gson.JsonObject;

/**
 * The column domains of a model's design columns and the one place that maps design rows x (the user's columns and
 * units) to and from the network's coordinates u. The map is a bijection inside the density:
 * <ul>
 * <li>lower bound a only: u = softplus⁻¹((v − a')/s); upper bound b only: u = −softplus⁻¹((b' − v)/s), s the
 * column's median distance from the bound (log-like near the bound, linear far from it: no exponential
 * extrapolation, no overflow); both: u = logit((v − a')/(b' − a')) with log|du/dv| counted in every density (a', b' are the bounds widened by the point-mass bands below);</li>
 * <li>point mass at a bound (rows exactly on it): for training, such a row is dequantised into a thin band of width
 * δ beyond the bound, v = a − U·δ, redrawn every epoch; every sample in the band maps back to exactly a. The share of
 * exact values in the designs thus follows the model. The density of a row exactly on the bound is reported as the
 * probability of its band (density at the band's middle × δ);</li>
 * <li>whole numbers: v = x + U[0, 1) when training (uniform dequantisation, Theis, van den Oord &amp; Bethge, ICLR
 * 2016), floor when sampling; the reported log p of a whole number is the dequantised density at x + ½, an
 * approximation of log P(x) (E_U log p(x + U) is a lower bound on it);</li>
 * <li>compositions (Aitchison, J. R. Stat. Soc. B 44 (1982) 139–177): parts x_i with remainder r = T − Σx_i become
 * additive log-ratios u_i = log(x_i / r), log|det ∂u/∂x| = −Σ log x_i + log T − log r; an exact sum uses the last
 * part as the reference and removes one network dimension (the density is then over the free parts). Zero parts and
 * a zero remainder get point-mass bands (x_i + δ_i, r + δ_r inside the logarithms).</li>
 * </ul>
 * Immutable and thread-safe. Format-1 models have no domains (null), which means the identity.
 */
public final class Domains {
    /**
     * Width of a point-mass band in the log of the distance from the shifted bound (nats): a row on the bound is
     * dequantised to v = a − δ·(1 − e^{−W·U}), U ~ U(0, 1), which lies uniformly in [log δ − W, log δ) of
     * log(v − a + δ), right below the continuous part (log δ and up).
     */
    public static final double BAND_LOG_WIDTH = 3.0;
    /** The offset δ of a point-mass bound is this quantile of the rows' positive distances from the bound. */
    public static final double BAND_OFFSET_QUANTILE = 0.1;
    /** Relative excess above a composition's total that is scaled onto it with a warning (1 %). */
    public static final double SUM_TOLERANCE = 0.01;
    /**
     * Relative deviation from a composition's total that is rounding (10⁻⁶ of the total): such a row sums to the total
     * (it is scaled onto it silently and, for {@code <=}, counts in the point mass at sum = total). It accepts parts
     * printed with 6 decimals (percentages summing to 100 ± 1e-6 are off by 1e-8 of the total; fractions with 6
     * decimals by one unit of the last decimal) and percentages with 4 decimals, while any remainder a table prints
     * with 2 decimals (an ash of 0.01 %, 1e-4 of 100) stays a real remainder; double rounding of a sum is ~1e-14.
     */
    public static final double SUM_ROUNDING = 1e-6;

    private final List<String> xNames;
    /** Per design column: its domain, or null for a composition part. */
    private final ColumnDomain[] columns;
    private final List<Composition> compositions;
    /** Per design column: index into compositions, or −1. */
    private final int[] compOf;
    /** Per composition: its part columns' indices. */
    private final int[][] compParts;
    /** Blocks in network-coordinate order: scalar column j as {j}, composition c as {−1 − c}. */
    private final int[] blocks;
    private final int netDim;
    private final double validationLogJacobian;

    Domains(List<String> xNames, ColumnDomain[] columns, List<Composition> compositions,
            double validationLogJacobian) {
        this.xNames = List.copyOf(xNames);
        this.columns = columns.clone();
        this.compositions = List.copyOf(compositions);
        this.validationLogJacobian = validationLogJacobian;
        int d = xNames.size();
        compOf = new int[d];
        Arrays.fill(compOf, -1);
        compParts = new int[compositions.size()][];
        Map<String, Integer> idx = index(xNames);
        for (int c = 0; c < compositions.size(); c++) {
            List<String> p = compositions.get(c).parts();
            compParts[c] = new int[p.size()];
            for (int i = 0; i < p.size(); i++) {
                int j = idx.get(p.get(i));
                compParts[c][i] = j;
                compOf[j] = c;
            }
        }
        List<Integer> bl = new ArrayList<>();
        boolean[] done = new boolean[compositions.size()];
        int n = 0;
        for (int j = 0; j < d; j++) {
            if (compOf[j] < 0) {
                bl.add(j);
                n++;
            } else if (!done[compOf[j]]) {
                done[compOf[j]] = true;
                bl.add(-1 - compOf[j]);
                n += compositions.get(compOf[j]).coordinates();
            }
        }
        blocks = bl.stream().mapToInt(Integer::intValue).toArray();
        netDim = n;
    }

    static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            m.put(names.get(j), j);
        }
        return m;
    }

    /** Design columns (user-facing). */
    public int xDim() {
        return xNames.size();
    }

    /** Network coordinates: the design columns less one per exact-sum composition. */
    public int netDim() {
        return netDim;
    }

    public List<String> xNames() {
        return xNames;
    }

    /** The domain of design column j, or null when it is a composition part. */
    public ColumnDomain column(int j) {
        return columns[j];
    }

    public List<Composition> compositions() {
        return compositions;
    }

    /** Whether design column j holds whole numbers (integer output cells). */
    public boolean isWholeNumber(int j) {
        return columns[j] != null && columns[j].wholeNumber();
    }

    /**
     * Mean log|du/dx| (including point-mass band widths) of the validation rows, as {@link #toNetwork} computes it:
     * the figure that turns a validation loss in network coordinates into the NLL in the user's units.
     */
    public double validationLogJacobian() {
        return validationLogJacobian;
    }

    /** The same domains with the validation rows' mean log-Jacobian recorded. */
    public Domains withValidationLogJacobian(double v) {
        return new Domains(xNames, columns, compositions, v);
    }

    /** Whether training draws dequantisation noise (whole numbers or point masses). */
    public boolean dequantises() {
        for (ColumnDomain c : columns) {
            if (c != null && (c.wholeNumber() || c.massAtLower() || c.massAtUpper())) {
                return true;
            }
        }
        for (Composition c : compositions) {
            if (c.remainderBand() > 0) {
                return true;
            }
            for (double b : c.bands()) {
                if (b > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Names of the network coordinates (for error messages): the column, or a log-ratio. */
    public List<String> netNames() {
        List<String> out = new ArrayList<>();
        for (int b : blocks) {
            if (b >= 0) {
                out.add(xNames.get(b));
            } else {
                Composition c = compositions.get(-1 - b);
                String ref = c.exact() ? c.parts().get(c.parts().size() - 1) : "remainder";
                for (int i = 0; i < c.coordinates(); i++) {
                    out.add("log(" + c.parts().get(i) + "/" + ref + ")");
                }
            }
        }
        return out;
    }

    /** One line per composition and per bounded or whole-number column, for model summaries. */
    public List<String> describe() {
        return describe(Set.of());
    }

    /**
     * As {@link #describe()}, saying "(inferred from the name)" for the inferred columns in {@code boundsFromName}
     * (a percentage by its name; known only while fitting, not stored in the model).
     */
    List<String> describe(Set<String> boundsFromName) {
        List<String> out = new ArrayList<>();
        for (Composition c : compositions) {
            out.add(c.describe());
        }
        for (ColumnDomain c : columns) {
            if (c != null && !c.isIdentity()) {
                out.add(c.describe(boundsFromName.contains(c.name())));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ mapping

    /**
     * Maps one design row to network coordinates.
     *
     * @param x design row (user units, {@link #xDim()} values)
     * @param u receives {@link #netDim()} coordinates
     * @param rnd dequantisation noise for training; null for scoring (whole numbers at x + ½, point masses at the
     *        middle of their band)
     * @param rowName the row's name for error messages
     * @return log|du/dx| plus, when scoring, the log width of every point-mass band the row sits in (so that the
     *         density in u plus this value is log p in the user's units, a log-probability for point masses)
     * @throws CinnDataException when the row lies outside the domain (naming column and row)
     */
    public double toNetwork(double[] x, double[] u, SplittableRandom rnd, String rowName) throws CinnDataException {
        double logJ = 0;
        int k = 0;
        for (int b : blocks) {
            if (b >= 0) {
                logJ += ScalarBijection.forward(columns[b], x[b], u, k, rnd, rowName);
                k++;
            } else {
                int c = -1 - b;
                logJ += LogRatioMap.forward(compositions.get(c), compParts[c], x, u, k, rnd, rowName);
                k += compositions.get(c).coordinates();
            }
        }
        return logJ;
    }

    /** Maps network coordinates back to a design row that lies inside every domain by construction. */
    public double[] fromNetwork(double[] u) {
        double[] x = new double[xDim()];
        int k = 0;
        for (int b : blocks) {
            if (b >= 0) {
                x[b] = ScalarBijection.inverse(columns[b], u[k]);
                k++;
            } else {
                int c = -1 - b;
                LogRatioMap.inverse(compositions.get(c), compParts[c], u, k, x);
                k += compositions.get(c).coordinates();
            }
        }
        return x;
    }
    /**
     * The guard after sampling: every design value finite, else an error naming the target row (1-based, of the
     * targets table) and the design column.
     *
     * @param designs sampled design rows (rows × design columns)
     * @param targetRow for each design row the 0-based index of its target row
     * @param xNames the design column names
     * @throws CinnDataException when a design value is NaN or infinite
     */
    public static void requireFiniteDesigns(double[][] designs, int[] targetRow, List<String> xNames)
            throws CinnDataException {
        for (int r = 0; r < designs.length; r++) {
            for (int j = 0; j < designs[r].length; j++) {
                if (!Double.isFinite(designs[r][j])) {
                    throw new CinnDataException("The design for target row " + (targetRow[r] + 1) + " has the value "
                            + designs[r][j] + " in column '" + xNames.get(j) + "': the target is far outside the "
                            + "training targets, where the model cannot give designs.");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ fitting

    /** The outcome of {@link #fit}: the domains (null when every column is unbounded), the rows to train on. */
    public record Fit(Domains domains, double[][] x, List<String> warnings, List<String> notes) {
    }

    /**
     * Infers the column domains from the training rows and applies the user's declarations ({@link DomainSpec}).
     * Inference: lower bound 0 for a column ≥ 0 in every row; [0, 1] for a column inside [0, 1] whose largest value
     * exceeds ½ (a fraction; a column of small values is more likely an amount in small units and keeps only the lower
     * bound (its scaled softplus is the same in every unit); [0, 100] for a column inside [0, 100] whose name says it
     * is a percentage ({@code %}, {@code pct}, {@code perc}, {@code percent} as a word part); any other upper bound is
     * never guessed, only declared, but a column in [0, 100] reaching above 50 gets a note suggesting
     * {@code upper COL=100}); whole numbers when every value is whole, however many distinct values (0/1, 0…13,
     * cycles 1…299; {@code continuous COL} switches it off); a point mass at a bound that at least 3 rows and 1 % of the rows hold exactly (fewer rows on the bound are
     * ordinary values, trained and scored 10⁻³ of the column's width inside the bound; the
     * band offset δ is the {@value #BAND_OFFSET_QUANTILE} quantile of the other rows' distances from the bound).
     * Composition rows that sum up to
     * {@link #SUM_TOLERANCE} above the total are scaled onto it (a warning counts them and names the first).
     *
     * @return the domains (null if no column has any) and the rows to train on (a copy of {@code data.x()}, with
     *         composition rows scaled onto their total and single rows on a bound without a point mass moved inside)
     * @throws CinnDataException for declarations that contradict each other or the data, naming column and row
     */
    public static Fit fit(TrainingData data, DomainSpec spec) throws CinnDataException {
        return DomainInference.fit(data, spec);
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The {@code domains} member of model.json (format 2; see docs/model-format.md). */
    public JsonObject toJson() {
        return DomainsJson.write(this);
    }

    /**
     * Reads the {@code domains} member written by {@link #toJson}.
     *
     * @throws ModelFormatException naming the member (e.g. {@code domains.columns[2].lower}) when one is missing, of
     *         the wrong type, out of range or inconsistent with the design columns
     */
    public static Domains fromJson(JsonObject o, List<String> xNames) throws ModelFormatException {
        return DomainsJson.read(o, xNames);
    }

    static String num(double v) {
        return NumberText.compact(v);
    }

    /** v with up to 15 significant digits, so that a deviation such as 100.000001 from 100 shows. */
    static String numExact(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(15)).stripTrailingZeros().toPlainString();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}