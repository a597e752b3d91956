package org.cinn4knime.engine.domain;

import java.util.List;

/**
 * A declared group of design columns (parts) that sum to {@code total} exactly ({@code exact}) or at most, the rest
 * being an implicit remainder r = total − Σ parts (ash in a fuel analysis). {@code bands[i]} is the width of the
 * dequantisation band below 0 of part i when the part is exactly 0 in training rows (else 0);
 * {@code remainderBand} the same for a remainder of exactly 0 (rows summing exactly to the total);
 * {@code shares[i]}/{@code remainderShare} are the training rows' shares exactly at 0.
 */
public record Composition(List<String> parts, double total, boolean exact, double[] bands, double remainderBand,
        double[] shares, double remainderShare) {

    public Composition {
        parts = List.copyOf(parts);
        bands = bands.clone();
        shares = shares.clone();
    }

    /** Network coordinates: one log-ratio per part against the remainder, or per part but the last for an exact sum. */
    public int coordinates() {
        return exact ? parts.size() - 1 : parts.size();
    }

    /** Lines for model summaries. */
    public String describe() {
        StringBuilder b = new StringBuilder("composition ").append(String.join(" + ", parts))
                .append(exact ? " = " : " ≤ ").append(Domains.num(total))
                .append(exact ? " (additive log-ratios against '" + parts.get(parts.size() - 1) + "')"
                        : " (additive log-ratios against the remainder)");
        for (int i = 0; i < parts.size(); i++) {
            if (bands[i] > 0) {
                b.append(", point mass ").append(parts.get(i)).append(" = 0 (").append(Domains.pct(shares[i]))
                        .append(" of rows)");
            }
        }
        if (remainderBand > 0) {
            b.append(", point mass at sum = ").append(Domains.num(total)).append(" (")
                    .append(Domains.pct(remainderShare)).append(" of rows)");
        }
        return b.toString();
    }
}
