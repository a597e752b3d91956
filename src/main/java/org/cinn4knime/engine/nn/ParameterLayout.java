package org.cinn4knime.engine.nn;

import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CouplingType;

/**
 * The flat parameter vector of a network, which is the weights order of the model file (docs/model-format.md):
 * the flow blocks in network order, each with its matrices in order, every matrix row-major.
 *
 * <p>For every architecture block k = 0 … blocks − 1:
 * <ol>
 * <li>with ActNorm: the shift b (D values), then the log-scale ls (D values);</li>
 * <li>its couplings, in order (GLOW and SPLINE: two, SINGLE and one design column: one): for each, the subnetwork
 * matrices W_0 … W_L, W_l of shape [out_l, in_l + 1] (bias in the last column); in_0 = passive rows + condition
 * columns; out_L = 2·active (affine: log-scale rows, then shift rows) or active·(3K − 1) (spline: K width logits
 * per active row, then K height logits per active row, then K − 1 derivative logits per active row);</li>
 * <li>except after the last block: a fixed permutation (no parameters).</li>
 * </ol>
 * With D design columns and d1 = ⌈D/2⌉ the first coupling of a block has passive rows [0, d1) and active rows
 * [d1, D), the second coupling the reverse; with one design column the single coupling has no passive rows.
 * This order is the same as in model format 1 for GLOW, SINGLE and the one-column case.
 */
public final class ParameterLayout {
    /** The kinds of flow blocks. */
    public enum Kind {
        ACT_NORM, AFFINE_COUPLING, SPLINE_COUPLING, PERMUTATION
    }

    /** A row-major matrix of the flat parameter vector. */
    public record Matrix(int offset, int rows, int cols) {
        int size() {
            return rows * cols;
        }
    }

    /**
     * One flow block of the network.
     *
     * @param kind the kind
     * @param archBlock the architecture block it belongs to
     * @param passiveStart first passive row (couplings)
     * @param passive number of passive rows (couplings; 0 for an element-wise transform)
     * @param activeStart first active row (couplings)
     * @param active number of active rows (couplings)
     * @param matrices its parameters in file order (ActNorm: b and ls as [D, 1]; couplings: W_0 … W_L)
     * @param permutation index of the permutation (PERMUTATION), else −1
     */
    public record BlockSpec(Kind kind, int archBlock, int passiveStart, int passive, int activeStart, int active,
            List<Matrix> matrices, int permutation) {
    }

    private final List<BlockSpec> blocks = new ArrayList<>();
    private final int parameterCount;
    private final CouplingType coupling;

    /**
     * @throws IllegalArgumentException if the network would have more than about 2³¹ parameters
     */
    public ParameterLayout(int xDim, int yDim, CinnArchitecture arch) {
        coupling = arch.coupling().resolve(xDim);
        int d1 = (xDim + 1) / 2;
        int perBlock = xDim == 1 || coupling == CouplingType.SINGLE ? 1 : 2;
        Kind kind = coupling.isSpline() ? Kind.SPLINE_COUPLING : Kind.AFFINE_COUPLING;
        int width = arch.subnetWidth();
        int layers = arch.subnetLayers();
        long off = 0;
        for (int k = 0; k < arch.blocks(); k++) {
            if (arch.actNorm()) {
                List<Matrix> m = List.of(new Matrix((int) off, xDim, 1), new Matrix((int) off + xDim, xDim, 1));
                blocks.add(new BlockSpec(Kind.ACT_NORM, k, 0, 0, 0, 0, m, -1));
                off += 2L * xDim;
            }
            for (int j = 0; j < perBlock; j++) {
                int pStart = xDim == 1 ? 0 : j == 0 ? 0 : d1;
                int p = xDim == 1 ? 0 : j == 0 ? d1 : xDim - d1;
                int aStart = xDim == 1 ? 0 : j == 0 ? d1 : 0;
                int a = xDim == 1 ? 1 : xDim - p;
                List<Matrix> m = new ArrayList<>();
                for (int l = 0; l <= layers; l++) {
                    int rows = l == layers ? subnetOutputRows(kind, a, arch.bins()) : width;
                    int cols = (l == 0 ? p + yDim : width) + 1;
                    if (off + (long) rows * cols > Integer.MAX_VALUE - 16) {
                        throw new IllegalArgumentException("The network would have more than "
                                + (Integer.MAX_VALUE - 16) + " parameters; that is too many.");
                    }
                    m.add(new Matrix((int) off, rows, cols));
                    off += (long) rows * cols;
                }
                blocks.add(new BlockSpec(kind, k, pStart, p, aStart, a, List.copyOf(m), -1));
            }
            if (k < arch.blocks() - 1) {
                blocks.add(new BlockSpec(Kind.PERMUTATION, k, 0, 0, 0, 0, List.of(), k));
            }
        }
        parameterCount = (int) off;
    }

    /** Rows of a coupling subnetwork's output for {@code active} active rows. */
    static int subnetOutputRows(Kind kind, int active, int bins) {
        return kind == Kind.SPLINE_COUPLING ? active * (3 * bins - 1) : 2 * active;
    }

    /** The flow blocks in network order. */
    public List<BlockSpec> blocks() {
        return List.copyOf(blocks);
    }

    public int parameterCount() {
        return parameterCount;
    }

    /** The coupling kind with AUTO resolved. */
    public CouplingType coupling() {
        return coupling;
    }
}
