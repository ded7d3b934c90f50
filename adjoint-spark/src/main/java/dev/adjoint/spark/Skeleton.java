package dev.adjoint.spark;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.Flat;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a model without its numbers: records (by class), lists, maps and arrays as nodes, each tensor as its
 * shape, and the other components (enums, sizes, rates) as they are. It crosses the wire once; the parameters go as
 * one {@code double[]} ({@link Flat}'s layout) and {@link #build} puts them back, so models need not be
 * {@link Serializable} (tensors are not).
 */
final class Skeleton<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private interface Node extends Serializable {
        Object build();
    }

    private record Leaf(int[] dims) implements Node {
        @Override
        public Object build() {
            return Tensor.zeros(dims);
        }
    }

    private record Value(Serializable value) implements Node {
        @Override
        public Object build() {
            return value;
        }
    }

    private record RecordNode(Class<?> type, Node[] components) implements Node {
        @Override
        public Object build() {
            RecordComponent[] cs = type.getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                args[i] = components[i].build();
                types[i] = cs[i].getType();
            }
            try {
                Constructor<?> k = type.getDeclaredConstructor(types);
                k.setAccessible(true);
                return k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("DataParallel: cannot rebuild record " + type.getName(), e);
            }
        }
    }

    private record ListNode(Node[] elements) implements Node {
        @Override
        public Object build() {
            List<Object> out = new ArrayList<>(elements.length);
            for (Node n : elements) {
                out.add(n.build());
            }
            return List.copyOf(out);
        }
    }

    private record MapNode(Serializable[] keys, Node[] values) implements Node {
        @Override
        public Object build() {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                out.put(keys[i], values[i].build());
            }
            return out;
        }
    }

    private record ArrayNode(Class<?> componentType, Node[] elements) implements Node {
        @Override
        public Object build() {
            Object[] out = (Object[]) java.lang.reflect.Array.newInstance(componentType, elements.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = elements[i].build();
            }
            return out;
        }
    }

    private final Node root;
    private final int size;
    private transient Flat<T> flat;

    private Skeleton(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    /** The skeleton of a model; throws if a component is neither a tensor, a structure nor serializable. */
    static <T> Skeleton<T> of(T model) {
        return new Skeleton<>(node(model, "model"), Flat.of(model).size());
    }

    /** The number of parameters. */
    int size() {
        return size;
    }

    /** The layout of the parameters. */
    Flat<T> flat() {
        if (flat == null) {
            flat = Flat.of(template());
        }
        return flat;
    }

    /** The model holding the parameters {@code params} (in {@link Flat}'s order). */
    T build(double[] params) {
        return flat().unpack(params);
    }

    @SuppressWarnings("unchecked")
    private T template() {
        return (T) root.build();
    }

    private static Node node(Object o, String path) {
        if (o instanceof Tensor) {
            Shape s = ((Tensor) o).shape();
            return new Leaf(s.dims());
        }
        if (o instanceof Record) {
            RecordComponent[] cs = o.getClass().getRecordComponents();
            Node[] parts = new Node[cs.length];
            for (int i = 0; i < cs.length; i++) {
                parts[i] = node(component(o, cs[i]), path + "." + cs[i].getName());
            }
            return new RecordNode(o.getClass(), parts);
        }
        if (o instanceof List) {
            List<?> l = (List<?>) o;
            Node[] parts = new Node[l.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = node(l.get(i), path + "." + i);
            }
            return new ListNode(parts);
        }
        if (o instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) o;
            Serializable[] keys = new Serializable[m.size()];
            Node[] values = new Node[m.size()];
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys[i] = serializable(e.getKey(), path + "[key " + e.getKey() + "]");
                values[i] = node(e.getValue(), path + "." + e.getKey());
                i++;
            }
            return new MapNode(keys, values);
        }
        if (o instanceof Object[]) {
            Object[] a = (Object[]) o;
            Node[] parts = new Node[a.length];
            for (int i = 0; i < a.length; i++) {
                parts[i] = node(a[i], path + "." + i);
            }
            return new ArrayNode(o.getClass().getComponentType(), parts);
        }
        return new Value(serializable(o, path));
    }

    private static Serializable serializable(Object o, String path) {
        if (o == null || o instanceof Serializable) {
            return (Serializable) o;
        }
        throw new IllegalArgumentException("DataParallel: " + path + " is a " + o.getClass().getName()
                + ", which is neither a tensor, a record, a list, a map nor Serializable, so it cannot be sent to"
                + " the executors (layers with state such as BatchNorm's Buffer are not supported; make the"
                + " component Serializable or leave it out of the model)");
    }

    private static Object component(Object record, RecordComponent c) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("DataParallel: cannot read " + c.getName() + " of "
                    + record.getClass().getName(), e);
        }
    }
}
