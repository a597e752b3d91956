package org.cinn4knime.engine.settings;

/** The column-domain setting of the Learner and the command line, declared once (see {@link Setting}). */
public final class DomainDeclarations {

    /**
     * Column-domain declarations over the inference, in the syntax of
     * {@link org.cinn4knime.engine.domain.DomainSpec#parse}; empty: infer every domain from the data. New in 0.2.0:
     * a workflow saved with 0.1.0 loads the empty default.
     */
    public static final Setting COLUMN_DOMAINS = Setting.text("column_domains", "").since(Setting.V0_2_0)
        .label("Column domains (e.g. composition c,h,o<=100; integer layers; upper frac=1; lower a=0; none)")
        .cli("--domains")
        .description("column domain declarations, entries separated by ';': lower COL=V, upper COL=V, integer COL, "
            + "continuous COL, unbounded COL, composition A,B<=T or A,B=T, none (infer nothing); empty: infer "
            + "bounds, point masses and whole numbers from the data");

    private DomainDeclarations() {
    }
}
