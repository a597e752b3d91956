package org.knime.core.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortStreams;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Test harness (src/test/java, not part of the KNIME stand-in): drives a {@link NodeModel} the way the KNIME framework
 * does, headless: configure, execute (configure first, then execute, then the outputs are checked against the ports
 * and the configured specs), settings save/load (also as settings.xml text), internals save/load, cancel (from
 * another thread or after N progress updates), and observation of warnings, pushed flow variables and progress.
 *
 * <pre>
 * NodeModelHarness h = new NodeModelHarness(new MyNodeFactory().createNodeModel());
 * PortObjectSpec[] out = h.configure(tableSpec);
 * PortObject[] result = h.execute(NodeModelHarness.createTable(tableSpec, rows));
 * h.warnings(); h.flowVariables(); h.cancelAfter(5); h.saveSettings(); h.loadSettings(settings);
 * </pre>
 */
public final class NodeModelHarness {

    private final NodeModel m_model;

    private final StandInProgressMonitor m_progress = new StandInProgressMonitor();

    private PortObjectSpec[] m_configuredOutSpecs;

    /** Whether execute() fails when an output table's structure differs from the spec returned by configure. */
    private boolean m_checkSpecs = true;

    private PortObject[] m_executedInputs;

    public NodeModelHarness(final NodeModel model) {
        if (model == null) {
            throw new NullPointerException("model");
        }
        m_model = model;
    }

    public NodeModel model() {
        return m_model;
    }

    // ---------------------------------------------------------------- static shortcuts

    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        return new NodeModelHarness(model).configure(inSpecs);
    }

    public static PortObject[] execute(final NodeModel model, final PortObject... inObjects) throws Exception {
        return new NodeModelHarness(model).execute(inObjects);
    }

    // ---------------------------------------------------------------- configure / execute / reset

    /** Calls {@code configure} (as KNIME: the number of specs must match the input ports). */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        checkCount("input spec", inSpecs.length, m_model.getNrInPorts());
        for (int i = 0; i < inSpecs.length; i++) {
            final PortType t = m_model.getInPortType(i);
            if (inSpecs[i] != null && !t.acceptsPortObjectSpec(inSpecs[i])) {
                throw new IllegalArgumentException("Input spec " + i + " (" + inSpecs[i].getClass().getName()
                    + ") does not fit port type " + t);
            }
        }
        final PortObjectSpec[] out = m_model.configure(inSpecs.clone());
        if (out == null) {
            throw new AssertionError("configure() returned null; return an array (of null specs if unknown)");
        }
        checkCount("output spec", out.length, m_model.getNrOutPorts());
        m_configuredOutSpecs = out.clone();
        return out;
    }

    /**
     * As KNIME: configures with the specs of the inputs, then executes with a fresh execution context of this harness
     * (progress, cancel). Checks that the outputs fit the output ports and that output tables have the structure
     * (column names and types) configure announced.
     */
    public PortObject[] execute(final PortObject... inObjects) throws Exception {
        checkCount("input object", inObjects.length, m_model.getNrInPorts());
        final PortObjectSpec[] inSpecs = new PortObjectSpec[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            inSpecs[i] = inObjects[i] == null ? null : inObjects[i].getSpec();
        }
        configure(inSpecs);
        final ExecutionContext exec = newExecutionContext();
        final PortObject[] copies = copyInputsOnExecute(inObjects, exec);
        m_executedInputs = copies.clone();
        final PortObject[] out = m_model.execute(copies, exec);
        if (out == null) {
            throw new AssertionError("execute() returned null");
        }
        checkCount("output object", out.length, m_model.getNrOutPorts());
        for (int i = 0; i < out.length; i++) {
            final PortType t = m_model.getOutPortType(i);
            if (out[i] == null || !t.acceptsPortObject(out[i])) {
                throw new AssertionError("Output " + i + " (" + (out[i] == null ? "null" : out[i].getClass().getName())
                    + ") does not fit output port type " + t);
            }
            final PortObjectSpec announced = m_configuredOutSpecs[i];
            if (m_checkSpecs && announced instanceof DataTableSpec && out[i] instanceof BufferedDataTable
                && !((DataTableSpec)announced).equalStructure(((BufferedDataTable)out[i]).getDataTableSpec())) {
                throw new AssertionError("Output table " + i + " has spec " + ((BufferedDataTable)out[i]).getSpec()
                    + " but configure announced " + announced);
            }
        }
        return out;
    }

    /**
     * As KNIME's {@code Node.fixupInputDataOnExecute} (5.2 to 5.4): tables are passed on as they are; every other input
     * is copied through its port's serializers ({@code Node.copyPortObject}) under the message "Copying input object at
     * port N" (N counts KNIME's flow variable port 0, so our first port is 1), which stays the node's message until the
     * node sets its own. (KNIME 5.5+ then sets "Performing node execution..." before execute.)
     */
    private static PortObject[] copyInputsOnExecute(final PortObject[] inObjects, final ExecutionContext exec)
        throws IOException, CanceledExecutionException {
        final PortObject[] copies = inObjects.clone();
        for (int i = 0; i < copies.length; i++) {
            if (copies[i] != null && !(copies[i] instanceof BufferedDataTable)) {
                exec.setMessage("Copying input object at port " + (i + 1));
                copies[i] = copyPortObject(copies[i], exec.createSubExecutionContext(0.0));
            }
        }
        return copies;
    }

    /**
     * @return how many row iterators over the last execute's input tables are neither closed nor at their end (KNIME:
     *         still holding their buffer's resources); 0 when the node closes its iterators, also after an error
     */
    public int openInputIterators() {
        if (m_executedInputs == null) {
            throw new IllegalStateException("execute() has not been called");
        }
        int open = 0;
        for (PortObject in : m_executedInputs) {
            if (in instanceof BufferedDataTable t) {
                open += t.openIterators();
            }
        }
        return open;
    }

    /** @return the input objects the node's last execute received (serializer copies of non-table inputs) */
    public PortObject[] executedInputs() {
        if (m_executedInputs == null) {
            throw new IllegalStateException("execute() has not been called");
        }
        return m_executedInputs.clone();
    }

    /** Turns the check of output table specs against the configured specs on or off (default on). */
    public NodeModelHarness checkOutputSpecs(final boolean check) {
        m_checkSpecs = check;
        return this;
    }

    /**
     * Calls {@code reset()} and forgets warnings, pushed flow variables, progress and a pending or happened cancel, as
     * KNIME does when a node is reset (e.g. after a canceled execution, before it runs again).
     */
    public void reset() {
        m_model.reset();
        m_model.clearWarnings();
        m_model.clearPushedFlowVariables();
        m_progress.reset();
    }

    private static void checkCount(final String what, final int actual, final int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("Got " + actual + " " + what + "s, the node has " + expected + " ports");
        }
    }

    // ---------------------------------------------------------------- progress and cancel

    /** @return an execution context reporting to this harness's progress monitor */
    public ExecutionContext newExecutionContext() {
        return new ExecutionContext(m_progress);
    }

    /** Requests cancel once {@code progressCalls} more progress updates (setProgress with a fraction) happened. */
    public NodeModelHarness cancelAfter(final int progressCalls) {
        m_progress.cancelAfter(progressCalls);
        return this;
    }

    /** Requests cancel now (thread-safe: call it from another thread while execute runs). */
    public void cancel() {
        m_progress.setExecuteCanceled();
    }

    public boolean isCanceled() {
        return m_progress.isCanceled();
    }

    /** @return the message KNIME shows now (all levels joined with " - "), null if none */
    public String progressMessage() {
        return m_progress.composedMessage();
    }

    /** @return every progress fraction the root accepted (KNIME ignores values outside [0, 1]), in order */
    public List<Double> progress() {
        return m_progress.progressHistory();
    }

    /**
     * @return every progress message as KNIME shows it (DefaultNodeProgressMonitor: the root's message followed by the
     *         sub monitors' messages, joined with " - "), in order of the updates
     */
    public List<String> progressMessages() {
        return m_progress.messageHistory();
    }

    /**
     * @return for every progress update (as {@link #progress()}), the rows then in the tables the node creates
     *         through its execution context (output tables being written)
     */
    public List<Long> rowsWrittenAtProgress() {
        return m_progress.rowsAtProgress();
    }

    public int progressCalls() {
        return m_progress.progressCalls();
    }

    /** @return how often the node called checkCanceled() */
    public int cancelChecks() {
        return m_progress.cancelChecks();
    }

    // ---------------------------------------------------------------- warnings and flow variables

    /** @return the current warning message (null if none) */
    public String warning() {
        return m_model.getWarningMessage();
    }

    /** @return every non-null warning set since creation or the last reset, in order */
    public List<String> warnings() {
        return m_model.warningHistory();
    }

    /** @return the flow variables pushed by the node (insertion order) */
    public Map<String, FlowVariable> flowVariables() {
        return m_model.pushedFlowVariables();
    }

    /** Makes a flow variable visible to the node's peekFlowVariable* calls. */
    public NodeModelHarness inputFlowVariable(final FlowVariable v) {
        m_model.setInputFlowVariable(v);
        return this;
    }

    // ---------------------------------------------------------------- settings

    /** @return the node's settings, saved into a fresh {@code NodeSettings("model")} */
    public NodeSettings saveSettings() {
        final NodeSettings s = new NodeSettings("model");
        m_model.saveSettingsTo(s);
        return s;
    }

    /** As KNIME: validateSettings, then loadValidatedSettingsFrom. */
    public void loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_model.validateSettings(settings);
        m_model.loadValidatedSettingsFrom(settings);
    }

    /** @return the node's settings as settings.xml text (KNIME's XMLConfig format) */
    public String saveSettingsXml() throws IOException {
        return toXml(saveSettings());
    }

    /** Loads settings from settings.xml text (root config = the node's model settings). */
    public void loadSettingsXml(final String xml) throws IOException, InvalidSettingsException {
        loadSettings(fromXml(xml));
    }

    public static String toXml(final NodeSettings settings) throws IOException {
        final ByteArrayOutputStream bos = new ByteArrayOutputStream();
        settings.saveToXML(bos);
        return bos.toString(StandardCharsets.UTF_8);
    }

    public static NodeSettingsRO fromXml(final String xml) throws IOException {
        return NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- internals

    /** Saves the internals into a temporary directory and loads them into {@code target}; deletes the directory. */
    public void saveLoadInternals(final NodeModel target) throws IOException, CanceledExecutionException {
        final Path dir = Files.createTempDirectory("knime-internals");
        try {
            m_model.saveInternals(dir.toFile(), newExecutionContext());
            target.loadInternals(dir.toFile(), new ExecutionMonitor());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    // ---------------------------------------------------------------- factories

    /**
     * Checks a node factory the way KNIME does when it loads a node: the description XML beside the factory exists and
     * has a name and an existing icon, its inPort/outPort/view elements match the model's ports and the factory's view
     * count, and port indices are 0..n-1.
     *
     * @return the problems found (empty when the factory is consistent)
     */
    public static List<String> checkFactory(final NodeFactory<? extends NodeModel> factory) {
        final List<String> problems = new java.util.ArrayList<>();
        final String f = factory.getClass().getName();
        final org.w3c.dom.Element d = factory.getXMLDescription();
        if (d == null) {
            problems.add(f + ": no node description " + factory.getClass().getSimpleName() + ".xml beside the factory");
            return problems;
        }
        if (elements(d, "name").isEmpty() || elements(d, "name").get(0).getTextContent().isBlank()) {
            problems.add(f + ": description has no <name>");
        }
        if (d.getAttribute("icon").isEmpty() || factory.getIcon() == null) {
            problems.add(f + ": icon \"" + d.getAttribute("icon") + "\" not found beside the factory");
        }
        final NodeModel model = factory.createNodeModel();
        final List<org.w3c.dom.Element> ports = elements(d, "ports");
        final List<org.w3c.dom.Element> in = ports.isEmpty() ? List.of() : elements(ports.get(0), "inPort");
        final List<org.w3c.dom.Element> out = ports.isEmpty() ? List.of() : elements(ports.get(0), "outPort");
        checkPorts(problems, f, "inPort", in, model.getNrInPorts());
        checkPorts(problems, f, "outPort", out, model.getNrOutPorts());
        final List<org.w3c.dom.Element> viewsEl = elements(d, "views");
        final int views = viewsEl.isEmpty() ? 0 : elements(viewsEl.get(0), "view").size();
        if (views != factory.nrNodeViews()) {
            problems.add(f + ": description has " + views + " <view> elements, getNrNodeViews() returns "
                + factory.nrNodeViews());
        }
        return problems;
    }

    private static void checkPorts(final List<String> problems, final String f, final String kind,
        final List<org.w3c.dom.Element> described, final int actual) {
        if (described.size() != actual) {
            problems.add(f + ": description has " + described.size() + " <" + kind + "> elements, the model has "
                + actual + " ports");
        }
        final java.util.Set<String> indices = new java.util.TreeSet<>();
        for (org.w3c.dom.Element e : described) {
            indices.add(e.getAttribute("index"));
            if (e.getAttribute("name").isBlank()) {
                problems.add(f + ": <" + kind + " index=\"" + e.getAttribute("index") + "\"> has no name");
            }
        }
        for (int i = 0; i < described.size(); i++) {
            if (!indices.contains(Integer.toString(i))) {
                problems.add(f + ": no <" + kind + " index=\"" + i + "\">");
            }
        }
    }

    private static List<org.w3c.dom.Element> elements(final org.w3c.dom.Element parent, final String localName) {
        final List<org.w3c.dom.Element> result = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element && localName.equals(n.getLocalName())) {
                result.add((org.w3c.dom.Element)n);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- tables and port objects

    /** @return a table of the given rows (checked against the spec as KNIME checks them) */
    public static BufferedDataTable createTable(final DataTableSpec spec, final DataRow... rows) {
        final BufferedDataContainer c = new BufferedDataContainer(spec, true);
        for (DataRow r : rows) {
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }

    /** @return a table of double cells; row keys Row0, Row1, ...; {@code Double.NaN} becomes a missing cell */
    public static BufferedDataTable createTable(final DataTableSpec spec, final double[][] values) {
        final DataRow[] rows = new DataRow[values.length];
        for (int r = 0; r < values.length; r++) {
            final DataCell[] cells = Arrays.stream(values[r])
                .mapToObj(v -> Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v)).toArray(DataCell[]::new);
            rows[r] = new DefaultRow(RowKey.createRowKey(r), cells);
        }
        return createTable(spec, rows);
    }

    /**
     * Saves a port object and its spec with the serializers KNIME would use (found as public static nested classes)
     * into zip bytes and loads them back.
     *
     * @return the loaded copy
     */
    public static PortObject saveLoadPortObject(final PortObject po) throws IOException, CanceledExecutionException {
        if (po instanceof BufferedDataTable) {
            throw new IllegalArgumentException("Tables are persisted by the framework, not by a serializer");
        }
        return copyPortObject(po, new ExecutionMonitor());
    }

    /**
     * As KNIME's {@code Node.copyPortObject}: saves the spec with its spec serializer and loads it back, then saves the
     * object with its object serializer (reporting to {@code exec}) and loads it with the copied spec.
     *
     * @throws IOException for a table (KNIME: "Can't copy BufferedDataTable objects") or when a serializer fails
     */
    public static PortObject copyPortObject(final PortObject po, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        if (po instanceof BufferedDataTable) {
            throw new IOException("Can't copy BufferedDataTable objects");
        }
        final PortObjectSpec loadedSpec = saveLoadSpec(po.getSpec());
        final PortObject.PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance()
            .getObjectSerializer(po.getClass())
            .orElseThrow(() -> new AssertionError("No PortObjectSerializer found in " + po.getClass().getName()));
        final ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortStreams.objectOut(bos)) {
            ser.savePortObject(po, out, exec);
        }
        try (PortObjectZipInputStream in = PortStreams.objectIn(new ByteArrayInputStream(bos.toByteArray()))) {
            return ser.loadPortObject(in, loadedSpec, exec);
        }
    }

    /** Saves a spec with its serializer into zip bytes and loads it back. */
    public static PortObjectSpec saveLoadSpec(final PortObjectSpec spec) throws IOException {
        final PortObjectSpec.PortObjectSpecSerializer<PortObjectSpec> ser = PortTypeRegistry.getInstance()
            .getSpecSerializer(spec.getClass())
            .orElseThrow(() -> new AssertionError("No PortObjectSpecSerializer found in " + spec.getClass().getName()));
        final ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortStreams.specOut(bos)) {
            ser.savePortObjectSpec(spec, out);
        }
        try (PortObjectSpecZipInputStream in = PortStreams.specIn(new ByteArrayInputStream(bos.toByteArray()))) {
            return ser.loadPortObjectSpec(in);
        }
    }
}
