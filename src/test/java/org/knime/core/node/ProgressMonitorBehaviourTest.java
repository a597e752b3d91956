package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The stand-in's progress monitors against knime-core's {@code DefaultNodeProgressMonitor} (5.2+, with its
 * {@code SubNodeProgressMonitor} and {@code SilentSubNodeProgressMonitor}) and {@code ExecutionMonitor}.
 */
class ProgressMonitorBehaviourTest {

    private static NodeModelHarness harness() {
        return new NodeModelHarness(new ToyNodeModel());
    }

    /** DefaultNodeProgressMonitor.createAppendedMessage: levels joined with " - ", outermost first. */
    @Test
    void subMonitorMessagesAreAppendedToTheParents() {
        final NodeModelHarness h = harness();
        final ExecutionContext exec = h.newExecutionContext();
        exec.setMessage("Training");
        final ExecutionMonitor sub = exec.createSubProgress(0.5);
        sub.setProgress(0.5, "Epoch 3/50");
        assertEquals("Training - Epoch 3/50", h.progressMessage());
        final ExecutionMonitor subSub = sub.createSubProgress(0.5);
        subSub.setMessage("batch 7");
        assertEquals("Training - Epoch 3/50 - batch 7", h.progressMessage());
        sub.setMessage("Epoch 4/50"); // a level's new message drops the deeper levels
        assertEquals("Training - Epoch 4/50", h.progressMessage());
        exec.setMessage("Writing the history"); // the root's new message drops all sub levels
        assertEquals("Writing the history", h.progressMessage());
        assertEquals(List.of("Training", "Training - Epoch 3/50", "Training - Epoch 3/50 - batch 7",
            "Training - Epoch 4/50", "Writing the history"), h.progressMessages());
    }

    /** An empty level is left out (appendedIfNonEmpty); the root's getMessage() is its own message only. */
    @Test
    void emptyLevelsAreSkippedAndGetMessageIsTheOwnLevel() {
        final NodeModelHarness h = harness();
        final ExecutionContext exec = h.newExecutionContext();
        final ExecutionMonitor sub = exec.createSubProgress(1.0);
        sub.setMessage("only the child");
        assertEquals("only the child", h.progressMessage());
        assertNull(exec.getProgressMonitor().getMessage());
        assertEquals(List.of("only the child"), exec.getProgressMonitor().getMessages());
        assertEquals("only the child", sub.getProgressMonitor().getMessage());
    }

    /** SilentSubNodeProgressMonitor forwards progress, never messages. */
    @Test
    void silentSubMonitorForwardsProgressOnly() {
        final NodeModelHarness h = harness();
        final ExecutionContext exec = h.newExecutionContext();
        exec.setMessage("Reading");
        exec.createSilentSubProgress(0.5).setProgress(1.0, "hidden");
        assertEquals("Reading", h.progressMessage());
        assertEquals(List.of(0.5), h.progress());
    }

    /** DefaultNodeProgressMonitor.setProgressIntern ignores values outside [0, 1]; it never throws. */
    @Test
    void progressOutsideTheUnitIntervalIsIgnored() {
        final NodeModelHarness h = harness();
        final ExecutionContext exec = h.newExecutionContext();
        exec.setProgress(0.3);
        exec.setProgress(1.5);
        exec.setProgress(-0.1);
        exec.setProgress(Double.NaN);
        assertEquals(0.3, exec.getProgressMonitor().getProgress());
        assertEquals(List.of(0.3), h.progress());
    }

    /** SubNodeProgressMonitor.setProgress: clamped to [0, 1], only forward, steps below 0.001 swallowed. */
    @Test
    void subProgressOnlyMovesForward() {
        final NodeModelHarness h = harness();
        final ExecutionContext exec = h.newExecutionContext();
        final ExecutionMonitor sub = exec.createSubProgress(0.5);
        sub.setProgress(0.6);
        sub.setProgress(0.2); // backwards: no change
        sub.setProgress(0.6005); // below 0.001: swallowed
        sub.setProgress(3.0); // clamped to 1
        assertEquals(List.of(0.3, 0.5), h.progress());
        assertEquals(0.5, exec.getProgressMonitor().getProgress(), 1e-12);
        final ExecutionMonitor none = exec.createSubProgress(0.0); // size 0: reports nothing
        none.setProgress(1.0);
        assertEquals(List.of(0.3, 0.5), h.progress());
    }

    /** ExecutionMonitor.createSubProgressMonitor: "Invalid sub progress size". */
    @Test
    void subProgressSizeOutsideTheUnitIntervalIsRefused() {
        final ExecutionContext exec = harness().newExecutionContext();
        assertThrows(IllegalArgumentException.class, () -> exec.createSubProgress(-0.1));
        assertThrows(IllegalArgumentException.class, () -> exec.createSubExecutionContext(1.01));
    }
}
