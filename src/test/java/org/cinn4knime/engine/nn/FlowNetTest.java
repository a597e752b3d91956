package org.cinn4knime.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.Precision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Numerical checks of the hand-written forward, inverse and backward passes. */
class FlowNetTest {

    @BeforeAll
    static void init() throws Exception {
        Nd4jRuntime.ensureInitialised();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(4, 2, CouplingType.GLOW, false, Activation.RELU),
                Arguments.of(4, 2, CouplingType.SINGLE, false, Activation.RELU),
                Arguments.of(3, 1, CouplingType.GLOW, true, Activation.TANH),
                Arguments.of(5, 3, CouplingType.SINGLE, true, Activation.ELU),
                Arguments.of(2, 2, CouplingType.GLOW, false, Activation.LEAKY_RELU),
                Arguments.of(1, 2, CouplingType.GLOW, true, Activation.RELU),
                Arguments.of(1, 1, CouplingType.SINGLE, false, Activation.TANH),
                Arguments.of(4, 2, CouplingType.SPLINE, false, Activation.RELU),
                Arguments.of(3, 1, CouplingType.SPLINE, true, Activation.TANH),
                Arguments.of(5, 3, CouplingType.SPLINE, false, Activation.ELU),
                Arguments.of(1, 2, CouplingType.SPLINE, false, Activation.RELU),
                Arguments.of(1, 1, CouplingType.AUTO, true, Activation.TANH));
    }

    private static FlowNet randomNet(int d, int c, CouplingType type, boolean actNorm, Activation act, Precision p,
            int width, long seed) {
        CinnArchitecture arch = new CinnArchitecture(3, type, 2, width, act, 2.0, actNorm, p);
        FlowNet net = new FlowNet(d, c, arch, FlowNet.randomPermutations(d, 3, seed));
        SplittableRandom r = new SplittableRandom(seed);
        double[] params = new double[net.paramCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = net.roundToPrecision(0.4 * (2 * r.nextDouble() - 1));
        }
        net.setParameters(params);
        return net;
    }

    private static double[] randomColumns(int rows, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[rows * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    private static double invertError(FlowNet net, int d, int c, int n) {
        FlowNet.Workspace ws = net.workspace(n);
        double[] x = randomColumns(d, n, 11);
        net.setInput(ws, x);
        net.setCondition(ws, randomColumns(c, n, 12));
        net.forward(ws);
        double[] ldF = net.logDet(ws);
        double[] z = Host.get(ws.z());
        // the inverse runs in the same workspace: it keeps the condition and overwrites the input and log-det
        net.setLatent(ws, z);
        net.inverse(ws);
        double[] back = Host.get(ws.input());
        double[] ldI = net.logDet(ws);
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(back[i] - x[i]));
        }
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(ldF[i] - ldI[i]) * 1e-3); // log-dets agree too (looser scale)
        }
        // the network is not the identity
        double moved = 0;
        for (int i = 0; i < x.length; i++) {
            moved = Math.max(moved, Math.abs(z[i] - x[i]));
        }
        assertTrue(moved > 1e-2, "random network should move the points");
        return max;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void invertibleInDouble(int d, int c, CouplingType type, boolean actNorm, Activation act) {
        FlowNet net = randomNet(d, c, type, actNorm, act, Precision.DOUBLE, 16, 3);
        double err = invertError(net, d, c, 257);
        assertTrue(err < 1e-10, "round trip error " + err);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void invertibleInFloat(int d, int c, CouplingType type, boolean actNorm, Activation act) {
        FlowNet net = randomNet(d, c, type, actNorm, act, Precision.FLOAT, 16, 4);
        double err = invertError(net, d, c, 257);
        assertTrue(err < 1e-4, "round trip error " + err);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void logDetMatchesFiniteDifferenceJacobian(int d, int c, CouplingType type, boolean actNorm, Activation act) {
        FlowNet net = randomNet(d, c, type, actNorm, act, Precision.DOUBLE, 8, 5);
        int n = 2 * d + 1; // column 0: the point, columns 1..2d: ± h·e_j
        double h = 1e-5;
        double[] base = randomColumns(d, 1, 21);
        double[] cond = randomColumns(c, 1, 22);
        double[] x = new double[d * n];
        double[] y = new double[c * n];
        for (int col = 0; col < n; col++) {
            for (int j = 0; j < d; j++) {
                x[j * n + col] = base[j];
            }
            for (int j = 0; j < c; j++) {
                y[j * n + col] = cond[j];
            }
        }
        for (int j = 0; j < d; j++) {
            x[j * n + 1 + 2 * j] += h;
            x[j * n + 2 + 2 * j] -= h;
        }
        FlowNet.Workspace ws = net.workspace(n);
        net.setInput(ws, x);
        net.setCondition(ws, y);
        net.forward(ws);
        double[] z = Host.get(ws.z());
        double[] ld = net.logDet(ws);
        double[][] jac = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                jac[i][j] = (z[i * n + 1 + 2 * j] - z[i * n + 2 + 2 * j]) / (2 * h);
            }
        }
        assertEquals(logAbsDet(jac), ld[0], 1e-6);
    }

    static double logAbsDet(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            int piv = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(m[i][k]) > Math.abs(m[piv][k])) {
                    piv = i;
                }
            }
            double[] t = m[k];
            m[k] = m[piv];
            m[piv] = t;
            s += Math.log(Math.abs(m[k][k]));
            for (int i = k + 1; i < n; i++) {
                double f = m[i][k] / m[k][k];
                for (int j = k; j < n; j++) {
                    m[i][j] -= f * m[k][j];
                }
            }
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void backwardMatchesFiniteDifferences(int d, int c, CouplingType type, boolean actNorm, Activation act) {
        FlowNet net = randomNet(d, c, type, actNorm, act, Precision.DOUBLE, 5, 6);
        int n = 7;
        FlowNet.Workspace ws = net.workspace(n);
        net.setInput(ws, randomColumns(d, n, 31));
        net.setCondition(ws, randomColumns(c, n, 32));
        net.forward(ws);
        net.backward(ws);
        double[] g = new double[net.paramCount()];
        net.gradients(g);
        double[] p = net.parameters();
        double h = 1e-6;
        double maxErr = 0;
        double maxG = 0;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            net.setParameters(p);
            net.forward(ws);
            double lp = net.loss(ws);
            p[i] = keep - h;
            net.setParameters(p);
            net.forward(ws);
            double lm = net.loss(ws);
            p[i] = keep;
            double fd = (lp - lm) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - g[i]) / Math.max(1.0, Math.abs(fd)));
            maxG = Math.max(maxG, Math.abs(g[i]));
        }
        assertTrue(maxG > 1e-3, "gradient should not vanish");
        assertTrue(maxErr < 1e-6, "max relative gradient error " + maxErr);
    }

    @org.junit.jupiter.api.Test
    void actNormDataDependentInitialisationStandardisesEveryBlockInput() {
        CinnArchitecture arch = new CinnArchitecture(3, CouplingType.GLOW, 1, 8, Activation.RELU, 2.0, true,
                Precision.DOUBLE);
        FlowNet net = new FlowNet(3, 2, arch, FlowNet.randomPermutations(3, 3, 1));
        SplittableRandom r = new SplittableRandom(2);
        double[] params = new double[net.paramCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = 0.3 * (2 * r.nextDouble() - 1);
        }
        net.setParameters(params);
        int n = 400;
        FlowNet.Workspace ws = net.workspace(n);
        double[] x = randomColumns(3, n, 41);
        for (int i = 0; i < n; i++) {
            x[i] = 5 + 3 * x[i]; // row 0: mean 5, wide
        }
        net.setInput(ws, x);
        net.setCondition(ws, randomColumns(2, n, 42));
        net.initActNorm(ws);
        net.forward(ws);
        int k = -1;
        for (int b = 0; b < net.blocks().size(); b++) {
            if (!(net.blocks().get(b) instanceof ActNormBlock)) {
                continue;
            }
            k++;
            double[] cur = Host.get(ws.output(b).dup());
            for (int d = 0; d < 3; d++) {
                double m = 0;
                double q = 0;
                for (int i = 0; i < n; i++) {
                    m += cur[d * n + i];
                    q += cur[d * n + i] * cur[d * n + i];
                }
                m /= n;
                assertEquals(0.0, m, 1e-9, "block " + k + " dim " + d);
                assertEquals(1.0, Math.sqrt(q / n - m * m), 1e-6, "block " + k + " dim " + d);
            }
        }
        assertEquals(2, k, "three ActNorm blocks");
    }

    @Test
    void workspaceCacheKeepsSixteenSizesLeastRecentlyUsedOutFirstWithinTheByteBudget() {
        FlowNet net = randomNet(4, 2, CouplingType.GLOW, true, Activation.RELU, Precision.FLOAT, 16, 9);
        Map<Integer, FlowNet.Workspace> first = new HashMap<>();
        for (int n = 1; n <= 20; n++) {
            first.put(n, net.workspace(n));
        }
        assertEquals(FlowNet.MAX_CACHED_WORKSPACES, net.cachedWorkspaceSizes().size());
        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), net.cachedWorkspaceSizes());
        assertSame(first.get(5), net.workspace(5), "a cached size is not rebuilt");
        net.workspace(21); // evicts the least recently used size, 6 (5 was just used)
        assertEquals(5, net.cachedWorkspaceSizes().get(14));
        assertFalse(net.cachedWorkspaceSizes().contains(6));
        assertNotSame(first.get(1), net.workspace(1), "an evicted size is rebuilt");
        // the byte budget: room for two workspaces of about 100 rows
        FlowNet small = randomNet(4, 2, CouplingType.GLOW, false, Activation.RELU, Precision.FLOAT, 16, 9);
        assertTrue(small.workspaceBytes(100) > 0);
        assertEquals(2 * small.workspaceBytes(100), small.workspaceBytes(200));
        small.workspaceByteBudget = small.workspaceBytes(100) * 5 / 2;
        small.workspace(100);
        small.workspace(101);
        assertEquals(List.of(100, 101), small.cachedWorkspaceSizes());
        small.workspace(102);
        assertEquals(List.of(101, 102), small.cachedWorkspaceSizes());
        small.workspace(1000); // larger than the budget alone: kept as the only one
        assertEquals(List.of(1000), small.cachedWorkspaceSizes());
        // after evictions the network still computes correctly
        assertTrue(invertError(small, 4, 2, 101) < 1e-4);
    }
}
