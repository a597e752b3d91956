package org.cinn4knime.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The steps of one prebuilt pass (forward, inverse or backward) for one batch size: ND4J op objects on fixed views,
 * built once per batch size instead of per call, which removes most of ND4J's per-call cost.
 *
 * <p>{@link #gemm} is the one place where the network issues a matrix product.
 */
final class Program {
    /** One prebuilt step of a pass. */
    @FunctionalInterface
    interface Step {
        void run();
    }

    private final List<Step> steps = new ArrayList<>();

    void add(Step s) {
        steps.add(s);
    }

    void addAll(Step[] s) {
        steps.addAll(Arrays.asList(s));
    }

    void op(Op op) {
        OpExecutioner ex = Nd4j.getExecutioner();
        steps.add(() -> ex.exec(op));
    }

    /**
     * A custom op executed with its own reused context (much cheaper than a fresh context per call). ND4J frees the
     * native context when the context object is garbage-collected.
     */
    void op(DynamicCustomOp op) {
        OpExecutioner ex = Nd4j.getExecutioner();
        OpContext ctx = ex.buildContext();
        ctx.setInputArrays(op.inputArguments());
        ctx.setOutputArrays(op.outputArguments());
        if (op.iArgs().length > 0) {
            ctx.setIArguments(op.iArgs());
        }
        if (op.tArgs().length > 0) {
            ctx.setTArguments(op.tArgs());
        }
        if (op.bArgs().length > 0) {
            ctx.setBArguments(op.bArgs());
        }
        steps.add(() -> ex.exec(op, ctx));
    }

    /** c = op(a)·op(b) + beta·c with a reused matmul op: every matrix product of the network goes through here. */
    void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
        Blas.Gemm direct = Blas.prepareIfEnabled(a, b, c, ta, tb, beta);
        if (direct != null) {
            steps.add(direct::run);
            return;
        }
        op(new Mmul(a, b, c, 1.0, beta, MMulTranspose.builder().transposeA(ta).transposeB(tb).build()));
    }

    Step[] steps() {
        return steps.toArray(new Step[0]);
    }

    static void run(Step[] program) {
        for (Step s : program) {
            s.run();
        }
    }
}
