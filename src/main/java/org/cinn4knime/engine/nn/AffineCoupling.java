package org.cinn4knime.engine.nn;

import static org.cinn4knime.engine.nn.Subnet.rows;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ATan;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Affine coupling (RealNVP, Dinh et al. 2017; Glow, Kingma &amp; Dhariwal 2018; soft clamp as in the cINN, Ardizzone et
 * al. 2019): (s, t) = subnet([x_p; y]) (rows 0..a−1 the raw log-scale, rows a..2a−1 the shift), clamped log-scale
 * s_c = (2·clamp/π)·atan(s/clamp), x_a' = x_a·exp(s_c) + t, log|det J| = Σ s_c. Without passive rows it is the
 * conditional element-wise affine transform of one design column.
 */
final class AffineCoupling extends CouplingBlock {
    private final double clamp;

    AffineCoupling(ParameterLayout.BlockSpec spec, Subnet subnet, double clamp) {
        super(spec, subnet);
        this.clamp = clamp;
    }

    @Override
    long transformValuesPerRow() {
        return active;
    }

    @Override
    Transform transform(Context c) {
        INDArray e = Nd4j.create(c.dtype(), active, c.n()); // exp(±s_c)
        return new Transform() {
            @Override
            void buildForward(Program p, Bound b) {
                buildSoftClamp(p, rows(b.sb.o, 0, active), c.logDet());
                p.op(new Exp(c.logDet(), e));
                p.op(new MulOp(b.inA, e, b.outA));
                p.op(new AddOp(b.outA, rows(b.sb.o, active, active), b.outA));
            }

            @Override
            void buildInverse(Program p, Bound b) {
                buildSoftClamp(p, rows(b.sb.o, 0, active), c.logDet());
                p.op(new ScalarMultiplication(c.logDet(), null, e, -1.0));
                p.op(new Exp(e, e));
                p.op(new SubOp(b.outA, rows(b.sb.o, active, active), b.inA));
                p.op(new MulOp(b.inA, e, b.inA));
            }

            @Override
            void buildBackward(Program p, Bound b, INDArray gOutA, INDArray gInA, INDArray go) {
                int n = c.n();
                INDArray goS = rows(go, 0, active);
                INDArray t = Nd4j.create(c.dtype(), active, n);
                p.op(new MulOp(gOutA, e, gInA)); // dL/dx_a = g·exp(s_c)
                p.op(new Assign(gOutA, rows(go, active, active))); // dL/dt = g
                p.op(new MulOp(gInA, b.inA, goS)); // dL/ds_c = g·x_a·exp(s_c) − 1/n
                p.op(new ScalarAdd(goS, null, goS, -1.0 / n));
                p.op(new ScalarMultiplication(rows(b.sb.o, 0, active), null, t, 1.0 / clamp));
                p.op(new Square(t, t));
                p.op(new ScalarAdd(t, null, t, 1.0));
                p.op(new ScalarMultiplication(t, null, t, Math.PI / 2));
                p.op(new DivOp(goS, t, goS)); // ds_c/ds = (2/π) / (1 + (s/clamp)²)
            }
        };
    }

    private void buildSoftClamp(Program p, INDArray raw, INDArray dst) {
        p.op(new ScalarMultiplication(raw, null, dst, 1.0 / clamp));
        p.op(new ATan(dst, dst));
        p.op(new ScalarMultiplication(dst, null, dst, 2.0 * clamp / Math.PI));
    }
}
