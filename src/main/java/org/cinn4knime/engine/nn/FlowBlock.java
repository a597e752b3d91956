package org.cinn4knime.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.cinn4knime.engine.nn.Program.Step;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One invertible step of the network, x_out = f(x_in; y), on feature-major states [D, n]. A block owns its forward
 * pass, inverse, log|det J| and backward pass; {@link FlowNet} runs a sequence of them without knowing their kind
 * (as FrEIA's <code>InvertibleModule</code> and its coupling blocks).
 */
abstract class FlowBlock {
    /** Rows of the per-row log|det J| buffer that this block writes (one per transformed value; 0 for none). */
    int logDetRows() {
        return 0;
    }

    /** The part of log|det J| that is the same for every row (ActNorm). */
    double constantLogDet() {
        return 0;
    }

    /** Writes this block's initial parameters into the flat vector {@code p} (default: all zero). */
    void initialParameters(double[] p, SplittableRandom rnd, DoubleUnaryOperator round) {
    }

    /** Adds the matrix products of a pass for batch size n (see {@link FlowNet#gemmShapes}). */
    void addGemmShapes(List<int[]> l, int n, boolean training) {
    }

    /** Values per batch row of this block's own forward buffers (for the workspace memory budget). */
    long valuesPerRow() {
        return 0;
    }

    /** The buffers and prebuilt passes of this block for one workspace. */
    abstract Bound bind(Context c);

    /** What a block binds to: the batch size, its input and output states, its log-det rows, the condition. */
    record Context(int n, DataType dtype, int yDim, INDArray in, INDArray out, INDArray logDet,
            List<INDArray> conditionCopies) {
    }

    /** A block bound to one workspace. */
    abstract static class Bound {
        /** in → out, writing this block's log|det J| rows. */
        Step[] forward;
        /** out → in, writing the forward log|det J| rows at the recovered input. */
        Step[] inverse;

        /**
         * The backward pass after {@link #forward}: from dL/d(out) in {@code gOut} it writes dL/d(in) into every row of
         * {@code gIn} and this block's parameter gradients. The loss holds −(1/n)·Σ log|det J|, so every log-det value
         * has the gradient −1/n.
         */
        abstract Step[] backward(INDArray gOut, INDArray gIn);

        /** Data-dependent initialisation from the current input (ActNorm); default none. */
        void initFromData() {
        }
    }
}
