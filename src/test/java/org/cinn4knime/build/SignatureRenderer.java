package org.cinn4knime.build;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a class and its public/protected members in the format of the KNIME API listing. */
final class SignatureRenderer {

    /** One rendered member (or the class line). */
    static final class Member {
        final String mods;

        final String sig;

        /** For fields: the name; else null. */
        final String fieldName;

        /** For static final primitive/String fields: the value javac inlines; else null. */
        final Object constant;

        Member(final String mods, final String sig, final String fieldName, final Object constant) {
            this.mods = mods;
            this.sig = sig;
            this.fieldName = fieldName;
            this.constant = constant;
        }

        String text() {
            return mods + " | " + sig;
        }

        @Override
        public String toString() {
            return text() + (constant == null ? "" : " = " + constant);
        }
    }

    private SignatureRenderer() {
    }

    static boolean isApiVisible(final int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    // ---------------------------------------------------------------- types

    static String typeName(final Type t) {
        if (t instanceof Class) {
            final Class<?> c = (Class<?>)t;
            if (c.isArray()) {
                return typeName(c.getComponentType()) + "[]";
            }
            return c.getName().replace('$', '.');
        }
        if (t instanceof ParameterizedType) {
            final ParameterizedType p = (ParameterizedType)t;
            return typeName(p.getRawType()) + "<"
                + Arrays.stream(p.getActualTypeArguments()).map(SignatureRenderer::typeName)
                    .collect(Collectors.joining(", "))
                + ">";
        }
        if (t instanceof WildcardType) {
            final WildcardType w = (WildcardType)t;
            if (w.getLowerBounds().length > 0) {
                return "? super " + typeName(w.getLowerBounds()[0]);
            }
            final Type[] upper = w.getUpperBounds();
            if (upper.length == 0 || upper[0] == Object.class) {
                return "?";
            }
            return "? extends " + typeName(upper[0]);
        }
        if (t instanceof TypeVariable) {
            return ((TypeVariable<?>)t).getName();
        }
        if (t instanceof GenericArrayType) {
            return typeName(((GenericArrayType)t).getGenericComponentType()) + "[]";
        }
        throw new IllegalArgumentException("Unknown type " + t);
    }

    static String typeParameters(final TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        final List<String> parts = new ArrayList<>();
        for (TypeVariable<?> v : vars) {
            final Type[] bounds = v.getBounds();
            if (bounds.length == 0 || (bounds.length == 1 && bounds[0] == Object.class)) {
                parts.add(v.getName());
            } else {
                parts.add(v.getName() + " extends "
                    + Arrays.stream(bounds).map(SignatureRenderer::typeName).collect(Collectors.joining(" & ")));
            }
        }
        return "<" + String.join(", ", parts) + ">";
    }

    // ---------------------------------------------------------------- class line

    static Member classLine(final Class<?> c) {
        final int m = c.getModifiers();
        final List<String> mods = new ArrayList<>();
        mods.add(access(m));
        final String kind;
        if (c.isInterface()) {
            kind = "interface";
        } else if (c.isEnum()) {
            kind = "enum";
        } else if (c.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
        }
        if ("class".equals(kind) && Modifier.isAbstract(m)) {
            mods.add("abstract");
        }
        if (c.isMemberClass() && Modifier.isStatic(m)) {
            mods.add("static");
        }
        if ("class".equals(kind) && Modifier.isFinal(m)) {
            mods.add("final");
        }
        if (c.isSealed()) {
            mods.add("sealed");
        }
        mods.add(kind);
        final List<String> rest = new ArrayList<>();
        final String tp = typeParameters(c.getTypeParameters());
        if (!tp.isEmpty()) {
            rest.add(tp);
        }
        final String ifaces = Arrays.stream(c.getGenericInterfaces()).map(SignatureRenderer::typeName)
            .collect(Collectors.joining(", "));
        if (c.isInterface()) {
            if (!ifaces.isEmpty()) {
                rest.add("extends " + ifaces);
            }
        } else if ("class".equals(kind)) {
            rest.add("extends " + typeName(c.getGenericSuperclass()));
            if (!ifaces.isEmpty()) {
                rest.add("implements " + ifaces);
            }
        } else if (!ifaces.isEmpty()) {
            rest.add("implements " + ifaces);
        }
        return new Member(String.join(" ", mods), String.join(" ", rest), null, null);
    }

    private static String access(final int m) {
        return Modifier.isPublic(m) ? "public" : Modifier.isProtected(m) ? "protected" : "";
    }

    // ---------------------------------------------------------------- members

    static List<Member> members(final Class<?> c) {
        final List<Member> result = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!f.isSynthetic() && isApiVisible(f.getModifiers())) {
                result.add(field(f));
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (!k.isSynthetic() && isApiVisible(k.getModifiers()) && !c.isEnum()) {
                result.add(new Member(access(k.getModifiers()), executableSig(k, "<init>", null), null, null));
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (m.isSynthetic() || m.isBridge() || !isApiVisible(m.getModifiers()) || isImplicitEnumMethod(c, m)) {
                continue;
            }
            result.add(new Member(methodMods(m), executableSig(m, m.getName(), m.getGenericReturnType()), null, null));
        }
        return result;
    }

    private static boolean isImplicitEnumMethod(final Class<?> c, final Method m) {
        return c.isEnum() && Modifier.isStatic(m.getModifiers())
            && (("values".equals(m.getName()) && m.getParameterCount() == 0)
                || ("valueOf".equals(m.getName()) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == String.class));
    }

    private static Member field(final Field f) {
        if (f.isEnumConstant()) {
            return new Member("enum constant", f.getName(), f.getName(), null);
        }
        final int m = f.getModifiers();
        final List<String> mods = new ArrayList<>();
        mods.add(access(m));
        if (Modifier.isStatic(m)) {
            mods.add("static");
        }
        if (Modifier.isFinal(m)) {
            mods.add("final");
        }
        if (Modifier.isVolatile(m)) {
            mods.add("volatile");
        }
        if (Modifier.isTransient(m)) {
            mods.add("transient");
        }
        mods.add("field");
        Object constant = null;
        if (Modifier.isStatic(m) && Modifier.isFinal(m)
            && (f.getType().isPrimitive() || f.getType() == String.class)) {
            try {
                f.setAccessible(true);
                constant = f.get(null);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("Cannot read constant " + f, e);
            }
        }
        return new Member(String.join(" ", mods), typeName(f.getGenericType()) + " " + f.getName(), f.getName(),
            constant);
    }

    private static String methodMods(final Method m) {
        final int mod = m.getModifiers();
        final List<String> mods = new ArrayList<>();
        mods.add(access(mod));
        if (m.isDefault()) {
            mods.add("default");
        } else if (Modifier.isAbstract(mod)) {
            mods.add("abstract");
        }
        if (Modifier.isStatic(mod)) {
            mods.add("static");
        }
        if (Modifier.isFinal(mod)) {
            mods.add("final");
        }
        if (Modifier.isSynchronized(mod)) {
            mods.add("synchronized");
        }
        if (Modifier.isNative(mod)) {
            mods.add("native");
        }
        return String.join(" ", mods);
    }

    private static String executableSig(final Executable e, final String name, final Type returnType) {
        final StringBuilder b = new StringBuilder();
        final String tp = typeParameters(e.getTypeParameters());
        if (!tp.isEmpty()) {
            b.append(tp).append(' ');
        }
        if (returnType != null) {
            b.append(typeName(returnType)).append(' ');
        }
        b.append(name).append('(');
        final Type[] params = e.getGenericParameterTypes();
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            String p = typeName(params[i]);
            if (e.isVarArgs() && i == params.length - 1) {
                p = p.substring(0, p.length() - 2) + "...";
            }
            b.append(p);
        }
        b.append(')');
        final Type[] exceptions = e.getGenericExceptionTypes();
        if (exceptions.length > 0) {
            b.append(" throws ")
                .append(Arrays.stream(exceptions).map(SignatureRenderer::typeName).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }
}
