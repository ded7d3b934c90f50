package dev.adjoint.bench;

/** A workload whose id and one-line description are fixed when it is made. */
public abstract class NamedWorkload implements Workload {

    private final String id;
    private final String description;

    /** A workload with this id and one-line description. */
    protected NamedWorkload(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }
}
