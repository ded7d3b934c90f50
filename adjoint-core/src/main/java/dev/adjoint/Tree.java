package dev.adjoint;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Structures of tensors (records, lists, maps, arrays, nested freely) seen as a flat list of leaves, so that
 * transforms accept models and return gradients of the same type. Records are taken apart and rebuilt through
 * their components and canonical constructor; values that are not tensors are kept as they are.
 */
public final class Tree {

    private Tree() {
    }

    /** The tensors of a structure, in a fixed depth-first order. */
    public static List<Tensor> leaves(Object tree) {
        List<Tensor> out = new ArrayList<>();
        collect(tree, out);
        return out;
    }

    /** A structure like {@code template} with its tensors replaced, in order, by {@code leaves}. */
    public static <T> T rebuild(T template, List<Tensor> leaves) {
        Iterator<Tensor> it = leaves.iterator();
        @SuppressWarnings("unchecked")
        T result = (T) build(template, it);
        if (it.hasNext()) {
            throw new IllegalArgumentException("Tree.rebuild: more leaves than the structure holds");
        }
        return result;
    }

    /** The structure with f applied to every tensor. */
    public static <T> T map(T tree, UnaryOperator<Tensor> f) {
        List<Tensor> ls = leaves(tree);
        List<Tensor> mapped = new ArrayList<>(ls.size());
        for (Tensor t : ls) {
            mapped.add(f.apply(t));
        }
        return rebuild(tree, mapped);
    }

    private static void collect(Object node, List<Tensor> out) {
        if (node instanceof Tensor) {
            out.add((Tensor) node);
        } else if (node instanceof Record) {
            for (RecordComponent c : node.getClass().getRecordComponents()) {
                collect(component(node, c), out);
            }
        } else if (node instanceof List) {
            for (Object o : (List<?>) node) {
                collect(o, out);
            }
        } else if (node instanceof Map) {
            for (Object o : ((Map<?, ?>) node).values()) {
                collect(o, out);
            }
        } else if (node instanceof Object[]) {
            for (Object o : (Object[]) node) {
                collect(o, out);
            }
        }
    }

    private static Object build(Object node, Iterator<Tensor> it) {
        if (node instanceof Tensor) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException("Tree.rebuild: fewer leaves than the structure holds");
            }
            return it.next();
        } else if (node instanceof Record) {
            RecordComponent[] cs = node.getClass().getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                args[i] = build(component(node, cs[i]), it);
                types[i] = cs[i].getType();
            }
            try {
                Constructor<?> k = node.getClass().getDeclaredConstructor(types);
                k.setAccessible(true);
                return k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Tree: cannot rebuild record " + node.getClass().getName(), e);
            }
        } else if (node instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) node) {
                out.add(build(o, it));
            }
            return List.copyOf(out);
        } else if (node instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                out.put(e.getKey(), build(e.getValue(), it));
            }
            return out;
        } else if (node instanceof Tensor[]) {
            Tensor[] a = (Tensor[]) node;
            Tensor[] out = new Tensor[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = (Tensor) build(a[i], it);
            }
            return out;
        } else if (node instanceof Object[]) {
            Object[] a = (Object[]) node;
            Object[] out = a.clone();
            for (int i = 0; i < a.length; i++) {
                out[i] = build(a[i], it);
            }
            return out;
        }
        return node;
    }

    private static Object component(Object record, RecordComponent c) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Tree: cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }
}
