package org.cinn4knime.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.cinn4knime.engine.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Direct BLAS products on the layouts the network uses: views with offsets and row strides, transposes, beta. */
class BlasTest {
    @BeforeAll
    static void start() throws Exception {
        Nd4jRuntime.ensureInitialised();
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void matchesNd4jOnViewsTransposesAndBeta(DataType t) {
        double tol = t == DataType.FLOAT ? 1e-4 : 1e-12;
        Nd4j.getRandom().setSeed(3);
        // A: rows 10..39 and the leading 20 of 60 columns of a bigger matrix (offset 600, row stride 60)
        INDArray a = Nd4j.rand(t, 300, 60).get(interval(10, 40), interval(0, 20));
        INDArray b = Nd4j.rand(t, 20, 50);
        INDArray c = Nd4j.rand(t, 100, 50).get(interval(5, 35), all());
        INDArray want = a.mmul(b).add(c.mul(0.5));
        Blas.prepare(a, b, c, false, false, 0.5).run();
        assertEquals(0.0, want.sub(c).amaxNumber().doubleValue(), tol);
        INDArray at = Nd4j.rand(t, 20, 30);
        INDArray bt = Nd4j.rand(t, 50, 20);
        INDArray c2 = Nd4j.rand(t, 30, 50);
        Blas.prepare(at, bt, c2, true, true, 0.0).run();
        assertEquals(0.0, at.transpose().mmul(bt.transpose()).sub(c2).amaxNumber().doubleValue(), tol);
    }

    @org.junit.jupiter.api.Test
    void refusesUnsuitableLayoutsAndWrongShapes() {
        INDArray f = Nd4j.rand(DataType.FLOAT, 'f', 4, 5);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 3);
        assertNull(Blas.prepare(f, b, Nd4j.create(DataType.FLOAT, 4, 3), false, false, 0.0), "f-order: ND4J's op");
        assertNotNull(Blas.prepare(f.dup('c'), b, Nd4j.create(DataType.FLOAT, 4, 3), false, false, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Blas.prepare(Nd4j.rand(DataType.FLOAT, 4, 6), b,
                Nd4j.create(DataType.FLOAT, 4, 3), false, false, 0.0));
    }
}
