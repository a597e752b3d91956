package org.knime.core.node.defaultnodesettings;

/** Stand-in (test harness only): base of numeric settings models. */
public abstract class SettingsModelNumber extends SettingsModel {
}
