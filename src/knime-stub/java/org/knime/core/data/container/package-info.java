/**
 * TEST HARNESS ONLY — a compile/test-time stand-in for the KNIME Analytics Platform package of the same name.
 * <p>
 * It is never shipped (the jar plugin excludes {@code org/knime/**} from every jar) and it is not a product feature:
 * in KNIME the real {@code org.knime.core} bundle provides these types. Every public/protected type and member declared
 * here is checked against the real KNIME 5.2+ API listing by {@code org.cinn4knime.build.KnimeStandInSignatureTest};
 * the bodies are a minimal in-memory implementation, just enough to configure, execute, save and load the cinn4knime
 * nodes headlessly in unit tests.
 */
package org.knime.core.data.container;
