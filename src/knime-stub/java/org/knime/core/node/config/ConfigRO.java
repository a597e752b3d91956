package org.knime.core.node.config;

import java.util.Iterator;

import javax.swing.tree.TreeNode;

import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Stand-in (test harness only): read access to a config tree. */
public interface ConfigRO extends ConfigBaseRO, TreeNode, Iterable<String> {

    Config getConfig(String key) throws InvalidSettingsException;

    DataType getDataType(String key) throws InvalidSettingsException;

    DataType getDataType(String key, DataType def);

    @Override
    Iterator<String> iterator();
}
