package dev.adjoint;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Structures of tensors (records, lists, maps, arrays, nested freely) seen as a flat list of leaves, so that
 * transforms accept models and return gradients of the same type. Records are taken apart and rebuilt through
 * their components and canonical constructor; values that are not tensors are kept as they are.
 *
 * <p><b>Threads.</b> Stateless, so thread-safe.
 */
public final class Tree {

    private Tree() {
    }

    /** The tensors of a structure, in a fixed depth-first order. */
    public static List<Tensor> leaves(Object tree) {
        List<Tensor> out = new ArrayList<>();
        walk(tree, Tensor.class::isInstance, (path, t) -> out.add((Tensor) t));
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

    /**
     * Visits the nodes of a structure for which {@code leaf} holds, in the order of {@link #leaves}, with their paths:
     * record components by name, list and array elements by index, map entries by key, joined with dots
     * ({@code layers.0.weight}).
     */
    public static void walk(Object tree, Predicate<Object> leaf, BiConsumer<String, Object> visit) {
        walk(tree, "", leaf, visit);
    }

    private static void walk(Object node, String path, Predicate<Object> leaf, BiConsumer<String, Object> visit) {
        if (leaf.test(node)) {
            visit.accept(path, node);
        } else if (node instanceof Record) {
            for (RecordComponent c : node.getClass().getRecordComponents()) {
                walk(component(node, c), join(path, c.getName()), leaf, visit);
            }
        } else if (node instanceof List) {
            List<?> l = (List<?>) node;
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), join(path, Integer.toString(i)), leaf, visit);
            }
        } else if (node instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                walk(e.getValue(), join(path, String.valueOf(e.getKey())), leaf, visit);
            }
        } else if (node instanceof Object[]) {
            Object[] a = (Object[]) node;
            for (int i = 0; i < a.length; i++) {
                walk(a[i], join(path, Integer.toString(i)), leaf, visit);
            }
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
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
