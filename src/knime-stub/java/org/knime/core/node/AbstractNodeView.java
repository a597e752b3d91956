package org.knime.core.node;

/** Stand-in (test harness only): base of node views. */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker of models that can be shown in a view. */
    public static interface ViewableModel {
    }

    private final T m_model;

    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new NullPointerException("Model must not be null");
        }
        m_model = viewableModel;
    }

    protected final T getViewableModel() {
        return m_model;
    }

    public NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    protected abstract void modelChanged();

    protected void updateModel(final Object arg) {
        modelChanged();
    }

    protected abstract void callOpenView(String title);

    protected abstract void callCloseView();
}
