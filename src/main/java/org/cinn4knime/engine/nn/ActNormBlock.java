package org.cinn4knime.engine.nn;

import org.cinn4knime.engine.nn.Program.Step;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ActNorm (Glow, Kingma &amp; Dhariwal 2018): x' = (x + b)·exp(ls) per dimension, log|det J| = Σ ls for every row;
 * data-dependent initialisation so that the block's output has zero mean and unit standard deviation on a batch.
 */
final class ActNormBlock extends FlowBlock {
    private final int xDim;
    private final DataType dtype;
    final INDArray b;
    final INDArray ls;
    private final INDArray gB;
    private final INDArray gLs;

    ActNormBlock(ParameterLayout.BlockSpec spec, int xDim, INDArray params, INDArray grads) {
        this.xDim = xDim;
        this.dtype = params.dataType();
        b = Subnet.matrixView(params, spec.matrices().get(0));
        ls = Subnet.matrixView(params, spec.matrices().get(1));
        gB = Subnet.matrixView(grads, spec.matrices().get(0));
        gLs = Subnet.matrixView(grads, spec.matrices().get(1));
    }

    @Override
    double constantLogDet() {
        return ls.sumNumber().doubleValue();
    }

    @Override
    Bound bind(Context c) {
        INDArray es = Nd4j.create(dtype, xDim, 1);
        Bound bound = new Bound() {
            @Override
            Step[] backward(INDArray gOut, INDArray gIn) {
                INDArray tmp = Nd4j.create(dtype, xDim, c.n());
                return new Step[] {() -> {
                    gOut.mul(c.out(), tmp);
                    gLs.assign(tmp.sum(1).reshape(xDim, 1)).subi(1.0);
                    gB.assign(gOut.sum(1).reshape(xDim, 1)).muli(es);
                    gIn.assign(gOut).muliColumnVector(es);
                }};
            }

            @Override
            void initFromData() {
                INDArray mean = c.in().mean(1).reshape(xDim, 1);
                double[] sd = Host.get(c.in().std(false, 1).reshape(xDim, 1).dup());
                for (int d = 0; d < sd.length; d++) {
                    sd[d] = -Math.log(Math.max(sd[d], 1e-6));
                }
                b.assign(mean.neg());
                INDArray l = Nd4j.create(dtype, xDim, 1);
                Host.put(l, sd);
                ls.assign(l);
            }
        };
        bound.forward = new Step[] {() -> {
            es.assign(Transforms.exp(ls, true));
            c.out().assign(c.in()).addiColumnVector(b).muliColumnVector(es);
        }};
        bound.inverse = new Step[] {() -> {
            es.assign(Transforms.exp(ls, true));
            c.in().assign(c.out()).diviColumnVector(es).subiColumnVector(b);
        }};
        return bound;
    }

    @Override
    long valuesPerRow() {
        return 0;
    }
}
