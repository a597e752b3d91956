package org.cinn4knime.engine.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.cinn4knime.engine.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fully connected subnetwork of a coupling: input u = [passive rows; condition y; 1] ([p + C + 1, n]),
 * L hidden layers of the given width and activation, a linear output layer. Every layer's bias is the last column of
 * its weight matrix (the row of ones folds it into the matrix product).
 */
final class Subnet {
    final int layers;
    final int width;
    final int outRows;
    final Activation activation;
    final ParameterLayout.Matrix[] m;
    final INDArray[] w;
    final INDArray[] gw;

    Subnet(List<ParameterLayout.Matrix> matrices, INDArray params, INDArray grads, int width, Activation act) {
        this.layers = matrices.size() - 1;
        this.width = width;
        this.activation = act;
        this.m = matrices.toArray(new ParameterLayout.Matrix[0]);
        this.outRows = m[layers].rows();
        w = new INDArray[layers + 1];
        gw = new INDArray[layers + 1];
        for (int l = 0; l <= layers; l++) {
            w[l] = matrixView(params, m[l]);
            gw[l] = matrixView(grads, m[l]);
        }
    }

    static INDArray matrixView(INDArray flat, ParameterLayout.Matrix m) {
        return flat.get(interval(m.offset(), m.offset() + (long) m.size())).reshape('c', m.rows(), m.cols());
    }

    /** Hidden layers U(−1/√fan_in, 1/√fan_in) (weights and biases); last layer zero (the coupling starts as identity). */
    void initialParameters(double[] p, SplittableRandom rnd, DoubleUnaryOperator round) {
        for (int l = 0; l < layers; l++) {
            double bound = 1.0 / Math.sqrt(m[l].cols());
            for (int i = 0; i < m[l].size(); i++) {
                p[m[l].offset() + i] = round.applyAsDouble((2 * rnd.nextDouble() - 1) * bound);
            }
        }
    }

    /** The per-batch buffers of a subnet: its input u (with the ones row), hidden activations h, output o. */
    final class Buffers {
        final INDArray u;
        final INDArray[] h;
        final INDArray o;

        Buffers(int n, DataType dtype, int inRows) {
            u = Nd4j.create(dtype, inRows + 1, n);
            u.getRow(inRows).assign(1.0);
            h = new INDArray[layers];
            for (int l = 0; l < layers; l++) {
                h[l] = Nd4j.create(dtype, width + 1, n);
                h[l].getRow(width).assign(1.0);
            }
            o = Nd4j.create(dtype, outRows, n);
        }
    }

    long valuesPerRow() {
        return m[0].cols() + (long) layers * (width + 1) + outRows;
    }

    void buildForward(Program p, Buffers b) {
        INDArray in = b.u;
        for (int l = 0; l < layers; l++) {
            INDArray hl = rows(b.h[l], 0, width);
            p.gemm(w[l], in, hl, false, false, 0.0);
            buildActivation(p, hl);
            in = b.h[l];
        }
        p.gemm(w[layers], in, b.o, false, false, 0.0);
    }

    /**
     * Backward through the subnet from dL/do in {@code go}: parameter gradients, and with {@code passive} &gt; 0 the
     * gradient of the passive inputs added to {@code gPassive} (beta 1; y and the ones row need none).
     */
    void buildBackward(Program p, Buffers b, INDArray go, int passive, INDArray gPassive, DataType dtype, int n) {
        INDArray tmpH = Nd4j.create(dtype, width, n);
        INDArray g = go;
        for (int l = layers; l >= 0; l--) {
            INDArray in = l == 0 ? b.u : b.h[l - 1];
            p.gemm(g, in, gw[l], false, true, 0.0);
            if (l == 0) {
                break;
            }
            INDArray ghl = Nd4j.create(dtype, width + 1, n);
            p.gemm(w[l], g, ghl, true, false, 0.0);
            INDArray ghw = rows(ghl, 0, width);
            buildActivationDerivative(p, rows(b.h[l - 1], 0, width), tmpH);
            p.op(new MulOp(ghw, tmpH, ghw));
            g = ghw;
        }
        if (passive > 0) {
            INDArray w0Passive = w[0].get(all(), interval(0, passive));
            p.gemm(w0Passive, g, gPassive, true, false, 1.0);
        }
    }

    void addGemmShapes(List<int[]> l, int n, boolean training, int passive) {
        for (int layer = 0; layer <= layers; layer++) {
            l.add(new int[] {m[layer].rows(), n, m[layer].cols(), 0, 0});
        }
        if (training) {
            for (int layer = layers; layer >= 0; layer--) {
                l.add(new int[] {m[layer].rows(), m[layer].cols(), n, 0, 1});
                if (layer > 0) {
                    l.add(new int[] {m[layer].cols(), n, m[layer].rows(), 1, 0});
                } else if (passive > 0) {
                    l.add(new int[] {passive, n, m[layer].rows(), 1, 0});
                }
            }
        }
    }

    private void buildActivation(Program p, INDArray a) {
        switch (activation) {
            case RELU -> p.op(new RectifiedLinear(a, a, 0.0));
            case LEAKY_RELU -> p.op(new LeakyReLU(a, a, 0.01));
            case TANH -> p.op(new Tanh(a, a));
            case ELU -> p.op(new ELU(a, a));
            default -> throw new IllegalStateException(activation.toString());
        }
    }

    /** Derivative of the activation, computed from its output {@code a}, into {@code d}. */
    private void buildActivationDerivative(Program p, INDArray a, INDArray d) {
        switch (activation) {
            case RELU -> p.op(new org.nd4j.linalg.api.ops.impl.scalar.Step(a, d, 0.0));
            case LEAKY_RELU -> {
                p.op(new org.nd4j.linalg.api.ops.impl.scalar.Step(a, d, 0.0));
                p.op(new ScalarMultiplication(d, null, d, 0.99));
                p.op(new ScalarAdd(d, null, d, 0.01));
            }
            case TANH -> {
                p.op(new Square(a, d));
                p.op(new ScalarMultiplication(d, null, d, -1.0));
                p.op(new ScalarAdd(d, null, d, 1.0));
            }
            case ELU -> {
                p.op(new ScalarMin(a, null, d, 0.0));
                p.op(new ScalarAdd(d, null, d, 1.0));
            }
            default -> throw new IllegalStateException(activation.toString());
        }
    }

    static INDArray rows(INDArray a, int from, int count) {
        return a.get(interval(from, from + count), all());
    }
}
