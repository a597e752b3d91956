package org.cinn4knime.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rational-quadratic spline coupling (Durkan et al., "Neural Spline Flows", NeurIPS 2019; as FrEIA's
 * <code>RationalQuadraticSpline</code>): every active value passes through its own monotone spline with K bins on
 * [−B, B] and identity tails, whose widths, heights and knot derivatives come from subnet([x_p; y]); log|det J| = Σ
 * log g'(x_a). Without passive rows it is the conditional element-wise spline of one design column (FrEIA's
 * <code>ElementwiseRationalQuadraticSpline</code>), which lets p(x|y) have several modes.
 *
 * <p>Subnet output rows for a active rows: K width logits per active row (row j·K + i), then K height logits per
 * active row (a·K + j·K + i), then K − 1 derivative logits per active row (2·a·K + j·(K − 1) + i). The spline math
 * runs as a plain Java loop over the active values (few rows, many cheap scalar steps), in double precision.
 */
final class SplineCoupling extends CouplingBlock {
    private final int bins;
    private final double bound;

    SplineCoupling(ParameterLayout.BlockSpec spec, Subnet subnet, int bins, double bound) {
        super(spec, subnet);
        this.bins = bins;
        this.bound = bound;
    }

    @Override
    long transformValuesPerRow() {
        return 3L * active + active * (8L * bins + 4) * 2; // buffers, plus the saved knots (Java doubles)
    }

    @Override
    Transform transform(Context c) {
        int n = c.n();
        INDArray xa = Nd4j.create(c.dtype(), active, n);
        INDArray ya = Nd4j.create(c.dtype(), active, n);
        INDArray ld = Nd4j.create(c.dtype(), active, n);
        RationalQuadraticSpline spline = new RationalQuadraticSpline(bins, bound);
        double[] xs = new double[active * n];
        double[] ys = new double[active * n];
        double[] lds = new double[active * n];
        double[] theta = new double[subnet.outRows * n];
        int stateSize = spline.stateSize();
        // the knots of every value from the last forward pass, which the backward pass reuses
        double[] knots = new double[active * n * stateSize];
        return new Transform() {
            private void load(int j, int r) {
                spline.knots(theta, (j * bins) * n + r, (active * bins + j * bins) * n + r,
                        (2 * active * bins + j * (bins - 1)) * n + r, n);
            }

            @Override
            void buildForward(Program p, Bound b) {
                buildPass(p, b, false);
            }

            @Override
            void buildInverse(Program p, Bound b) {
                buildPass(p, b, true);
            }

            /**
             * The active rows through their splines, whose knots the subnet computed from [passive rows; y]:
             * forward y = g(x) (saving the knots for the backward pass), inverse x = g⁻¹(y); log|det J| per value.
             */
            private void buildPass(Program p, Bound b, boolean inverse) {
                INDArray in = inverse ? ya : xa;
                INDArray out = inverse ? xa : ya;
                double[] ins = inverse ? ys : xs;
                double[] outs = inverse ? xs : ys;
                p.op(new Assign(inverse ? b.outA : b.inA, in));
                p.add(() -> {
                    Host.get(in, ins);
                    Host.get(b.sb.o, theta);
                    for (int j = 0; j < active; j++) {
                        for (int r = 0; r < n; r++) {
                            load(j, r);
                            int v = j * n + r;
                            if (inverse) {
                                outs[v] = spline.inverse(ins[v]);
                            } else {
                                spline.save(knots, v * stateSize);
                                outs[v] = spline.forward(ins[v]);
                            }
                            lds[v] = spline.logDerivative;
                        }
                    }
                    Host.put(out, outs);
                    Host.put(ld, lds);
                });
                p.op(new Assign(out, inverse ? b.inA : b.outA));
                p.op(new Assign(ld, c.logDet()));
            }

            @Override
            void buildBackward(Program p, Bound b, INDArray gOutA, INDArray gInA, INDArray go) {
                INDArray gya = Nd4j.create(c.dtype(), active, n);
                double[] gys = new double[active * n];
                double[] gtheta = new double[subnet.outRows * n];
                p.op(new Assign(gOutA, gya));
                p.op(new Assign(b.inA, xa));
                p.add(() -> {
                    Host.get(gya, gys);
                    Host.get(xa, xs);
                    double gld = -1.0 / n;
                    for (int j = 0; j < active; j++) {
                        for (int r = 0; r < n; r++) {
                            spline.restore(knots, (j * n + r) * stateSize); // as loaded by the forward pass
                            ys[j * n + r] = spline.backward(xs[j * n + r], gys[j * n + r], gld, gtheta,
                                    (j * bins) * n + r, (active * bins + j * bins) * n + r,
                                    (2 * active * bins + j * (bins - 1)) * n + r, n);
                        }
                    }
                    Host.put(go, gtheta);
                    Host.put(gya, ys);
                });
                p.op(new Assign(gya, gInA));
            }
        };
    }
}
