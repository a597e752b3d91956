package org.cinn4knime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cinn4knime.engine.EpochStats;
import org.cinn4knime.engine.ProgressListener;

/**
 * Reports training on the console: one line per epoch on stdout and, when stderr is a terminal, a progress bar on
 * stderr that is redrawn in place (at most every 100 ms) and erased before each epoch line.
 */
final class TrainingConsole implements ProgressListener {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter m_out;
    private final PrintWriter m_err;
    private final boolean m_bar;
    private final int m_epochs;
    private long m_lastDraw = Long.MIN_VALUE;
    private int m_drawnLength;

    /** Where Linux shows what file descriptor 2 (stderr) is connected to. */
    static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    /**
     * Whether to draw the progress bar on stderr.
     *
     * @param forced {@code --progress} (true), {@code --no-progress} (false) or neither (null: decide)
     * @param stderrLink {@link #STDERR_LINK} (a parameter for tests)
     * @param consolePresent {@code System.console() != null}, used when the link cannot be read (not Linux)
     * @return the forced choice, else whether stderr is a terminal ({@code /dev/pts/*} or {@code /dev/tty*})
     */
    static boolean showBar(final Boolean forced, final Path stderrLink, final boolean consolePresent) {
        if (forced != null) {
            return forced;
        }
        final String target;
        try {
            target = Files.readSymbolicLink(stderrLink).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return consolePresent;
        }
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    }

    /**
     * @param bar whether to draw the progress bar (see {@link #showBar})
     * @param epochs the configured number of epochs, shown as "epoch 3/20"
     */
    private final java.util.Set<String> m_shownWarnings = new java.util.HashSet<>();

    TrainingConsole(final PrintWriter out, final PrintWriter err, final boolean bar, final int epochs) {
        m_out = out;
        m_err = err;
        m_bar = bar;
        m_epochs = epochs;
    }

    @Override
    public void progress(final double fraction, final String message) {
        if (!m_bar) {
            return;
        }
        final long now = System.nanoTime();
        if (m_lastDraw != Long.MIN_VALUE && now - m_lastDraw < REDRAW_NANOS && fraction < 1) {
            return;
        }
        m_lastDraw = now;
        final String line = bar(fraction, message);
        m_err.print('\r' + line + " ".repeat(Math.max(0, m_drawnLength - line.length())));
        m_err.flush();
        m_drawnLength = line.length();
    }

    /** The bar text for a fraction in [0, 1], e.g. {@code [#######-----------------------]  23% epoch 3}. */
    static String bar(final double fraction, final String message) {
        final double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        final int filled = (int) Math.round(f * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
            + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(f * 100))
            + (message == null || message.isEmpty() ? "" : " " + message);
    }

    /** Prints a data warning at once (before the first epoch) and remembers it. */
    @Override
    public void dataWarning(final String message) {
        clearBar();
        m_err.println("warning: " + message);
        m_err.flush();
        m_shownWarnings.add(message);
    }

    /** The warnings printed while training ran (not to be printed again at the end). */
    java.util.Set<String> shownWarnings() {
        return m_shownWarnings;
    }

    @Override
    public void epochFinished(final EpochStats stats) {
        clearBar();
        m_out.println(epochLine(stats, m_epochs));
        m_out.flush();
    }

    /**
     * One epoch's report line, e.g. {@code epoch  3/20  train loss  -1.2345  validation loss  -1.1000  lr 1.00e-03
     * (best so far)}; the mark follows the engine's flag (best validation loss up to this epoch) and is left out
     * without validation rows, where every epoch is the latest and thus "best".
     */
    static String epochLine(final EpochStats s, final int epochs) {
        final int digits = Integer.toString(epochs).length();
        final String val = Double.isNaN(s.validationLoss()) ? "" :
            String.format(Locale.ROOT, "  validation loss %9.4f", s.validationLoss());
        return String.format(Locale.ROOT, "epoch %" + digits + "d/%d  train loss %9.4f%s  lr %.2e%s", s.epoch(), epochs,
            s.trainLoss(), val, s.learningRate(), s.best() && !val.isEmpty() ? "  (best so far)" : "");
    }

    /** Erases the progress bar, if one is drawn. */
    void clearBar() {
        if (m_drawnLength > 0) {
            m_err.print('\r' + " ".repeat(m_drawnLength) + '\r');
            m_err.flush();
            m_drawnLength = 0;
            m_lastDraw = Long.MIN_VALUE;
        }
    }
}
