package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.message.Message;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Stand-in (test harness only): base class of classic node models. Warnings and pushed flow variables are recorded
 * for tests (see the harness in src/test/java); everything else is what a node implements.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final PortType[] m_inTypes;

    private final PortType[] m_outTypes;

    private Message m_warning;

    private final List<String> m_warningHistory = new CopyOnWriteArrayList<>();

    private final List<NodeModelWarningListener> m_warningListeners = new CopyOnWriteArrayList<>();

    private final List<NodeView<?>> m_views = new CopyOnWriteArrayList<>();

    private final Map<String, FlowVariable> m_inputFlowVariables = new LinkedHashMap<>();

    private final Map<String, FlowVariable> m_pushedFlowVariables = new LinkedHashMap<>();

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inTypes = checkPorts(inPortTypes, "input");
        m_outTypes = checkPorts(outPortTypes, "output");
    }

    private static PortType[] tablePorts(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of ports must not be negative: " + n);
        }
        final PortType[] result = new PortType[n];
        Arrays.fill(result, BufferedDataTable.TYPE);
        return result;
    }

    private static PortType[] checkPorts(final PortType[] types, final String what) {
        if (types == null) {
            throw new NullPointerException("Array of " + what + " port types must not be null");
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + " port type " + i + " must not be null");
            }
        }
        return types.clone();
    }

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected final int getNrInPorts() {
        return m_inTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outTypes[index];
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IllegalStateException(getClass().getName()
                    + " has non-table ports and must override execute(PortObject[], ExecutionContext)");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    protected abstract void reset();

    protected void onDispose() {
        // hook
    }

    protected final void stateChanged() {
        for (NodeView<?> v : m_views) {
            v.modelChanged();
        }
    }

    protected final void notifyViews(final Object arg) {
        for (NodeView<?> v : m_views) {
            v.updateModel(arg);
        }
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException(getClass().getName()
                    + " has non-table ports and must override configure(PortObjectSpec[])");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    protected final void setWarningMessage(final String warningMessage) {
        setWarning(warningMessage == null ? null : Message.fromSummary(warningMessage));
    }

    protected final String getWarningMessage() {
        return m_warning == null ? null : m_warning.getSummary();
    }

    protected final void setWarning(final Message warning) {
        m_warning = warning;
        if (warning != null) {
            m_warningHistory.add(warning.getSummary());
        }
        for (NodeModelWarningListener l : m_warningListeners) {
            l.warningChanged(warning);
        }
    }

    protected final Message getWarning() {
        return m_warning;
    }

    public void addWarningListener(final NodeModelWarningListener listener) {
        m_warningListeners.add(listener);
    }

    public void removeWarningListener(final NodeModelWarningListener listener) {
        m_warningListeners.remove(listener);
    }

    private FlowVariable peek(final String name, final FlowVariable.Type type) {
        FlowVariable v = m_pushedFlowVariables.get(name);
        if (v == null) {
            v = m_inputFlowVariables.get(name);
        }
        if (v == null) {
            throw new NoSuchElementException("No such variable \"" + name + "\"");
        }
        @SuppressWarnings("deprecation")
        final FlowVariable.Type actual = v.getType();
        if (actual != type) {
            throw new NoSuchElementException("Variable \"" + name + "\" is of type " + actual + ", not " + type);
        }
        return v;
    }

    public final String peekFlowVariableString(final String name) {
        return peek(name, FlowVariable.Type.STRING).getStringValue();
    }

    public final double peekFlowVariableDouble(final String name) {
        return peek(name, FlowVariable.Type.DOUBLE).getDoubleValue();
    }

    public final int peekFlowVariableInt(final String name) {
        return peek(name, FlowVariable.Type.INTEGER).getIntValue();
    }

    protected final void pushFlowVariableDouble(final String name, final double value) {
        push(new FlowVariable(name, value));
    }

    protected final void pushFlowVariableInt(final String name, final int value) {
        push(new FlowVariable(name, value));
    }

    protected final void pushFlowVariableString(final String name, final String value) {
        push(new FlowVariable(name, value));
    }

    private synchronized void push(final FlowVariable v) {
        m_pushedFlowVariables.remove(v.getName()); // re-push moves it to the top
        m_pushedFlowVariables.put(v.getName(), v);
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    // ---------------------------------------------------------------- stand-in internals for the test harness

    final synchronized Map<String, FlowVariable> pushedFlowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m_pushedFlowVariables));
    }

    final synchronized void clearPushedFlowVariables() {
        m_pushedFlowVariables.clear();
    }

    final synchronized void setInputFlowVariable(final FlowVariable v) {
        m_inputFlowVariables.put(v.getName(), v);
    }

    final List<String> warningHistory() {
        return new ArrayList<>(m_warningHistory);
    }

    final void clearWarnings() {
        m_warning = null;
        m_warningHistory.clear();
    }

    final void registerView(final NodeView<?> view) {
        m_views.add(view);
    }

    final void unregisterView(final NodeView<?> view) {
        m_views.remove(view);
    }

    final PortType[] inPortTypes() {
        return m_inTypes.clone();
    }

    final PortType[] outPortTypes() {
        return m_outTypes.clone();
    }
}
