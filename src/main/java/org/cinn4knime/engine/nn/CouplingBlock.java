package org.cinn4knime.engine.nn;

import static org.cinn4knime.engine.nn.Subnet.rows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.cinn4knime.engine.nn.Program.Step;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;

/**
 * A conditional coupling (RealNVP, Dinh et al. 2017; conditional as in the cINN, Ardizzone et al. 2019): the passive
 * rows x_p pass unchanged, the active rows x_a are transformed element-wise with parameters θ = subnet([x_p; y]).
 * Without passive rows (one design column) θ = subnet(y): a conditional element-wise transform. Subclasses give the
 * element-wise transform of the active rows: affine ({@link AffineCoupling}) or a rational-quadratic spline
 * ({@link SplineCoupling}).
 */
abstract class CouplingBlock extends FlowBlock {
    final int passiveStart;
    final int passive;
    final int activeStart;
    final int active;
    final Subnet subnet;

    CouplingBlock(ParameterLayout.BlockSpec spec, Subnet subnet) {
        this.passiveStart = spec.passiveStart();
        this.passive = spec.passive();
        this.activeStart = spec.activeStart();
        this.active = spec.active();
        this.subnet = subnet;
    }

    @Override
    int logDetRows() {
        return active;
    }

    @Override
    void initialParameters(double[] p, SplittableRandom rnd, DoubleUnaryOperator round) {
        subnet.initialParameters(p, rnd, round);
    }

    @Override
    void addGemmShapes(List<int[]> l, int n, boolean training) {
        subnet.addGemmShapes(l, n, training, passive);
    }

    @Override
    long valuesPerRow() {
        return subnet.valuesPerRow() + transformValuesPerRow();
    }

    /** Values per batch row of the transform's own buffers. */
    abstract long transformValuesPerRow();

    /** The element-wise transform of the active rows, bound to one workspace. */
    abstract class Transform {
        /** x_a (in) → x_a' (out) and log|det| rows from θ = o. */
        abstract void buildForward(Program p, Bound b);

        /** x_a' (out) → x_a (in) and the forward log|det| rows from θ = o. */
        abstract void buildInverse(Program p, Bound b);

        /** From dL/dx_a' (gOutA) writes dL/dx_a (gInA) and dL/dθ (go). */
        abstract void buildBackward(Program p, Bound b, INDArray gOutA, INDArray gInA, INDArray go);
    }

    abstract Transform transform(Context c);

    final class Bound extends FlowBlock.Bound {
        final Context c;
        final Subnet.Buffers sb;
        final INDArray inA;
        final INDArray outA;
        final Transform t;

        Bound(Context c) {
            this.c = c;
            sb = subnet.new Buffers(c.n(), c.dtype(), passive + c.yDim());
            c.conditionCopies().add(rows(sb.u, passive, c.yDim()));
            inA = rows(c.in(), activeStart, active);
            outA = rows(c.out(), activeStart, active);
            t = transform(c);
            Program f = new Program();
            if (passive > 0) {
                INDArray inP = rows(c.in(), passiveStart, passive);
                f.op(new Assign(inP, rows(sb.u, 0, passive)));
                f.op(new Assign(inP, rows(c.out(), passiveStart, passive)));
            }
            subnet.buildForward(f, sb);
            t.buildForward(f, this);
            forward = f.steps();
            Program i = new Program();
            if (passive > 0) {
                INDArray outP = rows(c.out(), passiveStart, passive);
                i.op(new Assign(outP, rows(c.in(), passiveStart, passive)));
                i.op(new Assign(outP, rows(sb.u, 0, passive)));
            }
            subnet.buildForward(i, sb);
            t.buildInverse(i, this);
            inverse = i.steps();
        }

        @Override
        Step[] backward(INDArray gOut, INDArray gIn) {
            Program p = new Program();
            INDArray go = org.nd4j.linalg.factory.Nd4j.create(c.dtype(), subnet.outRows, c.n());
            INDArray gInP = passive > 0 ? rows(gIn, passiveStart, passive) : null;
            if (passive > 0) {
                p.op(new Assign(rows(gOut, passiveStart, passive), gInP));
            }
            t.buildBackward(p, this, rows(gOut, activeStart, active), rows(gIn, activeStart, active), go);
            subnet.buildBackward(p, sb, go, passive, gInP, c.dtype(), c.n());
            return p.steps();
        }
    }

    @Override
    FlowBlock.Bound bind(Context c) {
        return new Bound(c);
    }
}
