package dev.weir.api.common.typeinfo;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.tuple.Tuple3;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeInformationTest {

    @Test
    void basicConstantsDescribeTheirBoxedClassesAndPrintTheSimpleName() {
        assertThat(Types.STRING.getTypeClass()).isEqualTo(String.class);
        assertThat(Types.INT.getTypeClass()).isEqualTo(Integer.class);
        assertThat(Types.BIG_DEC.getTypeClass()).isEqualTo(BigDecimal.class);
        assertThat(Types.SQL_TIMESTAMP.getTypeClass()).isEqualTo(java.sql.Timestamp.class);
        assertThat(Types.LOCAL_DATE_TIME.getTypeClass()).isEqualTo(java.time.LocalDateTime.class);
        assertThat(Types.STRING).hasToString("String");
        assertThat(Types.LONG).hasToString("Long");
        assertThat(Types.INSTANT).hasToString("Instant");
        assertThat(Types.INT.isBasicType()).isTrue();
        assertThat(Types.INT.isTupleType()).isFalse();
        assertThat(Types.INT.getArity()).isEqualTo(1);
    }

    @Test
    void ofAClassReturnsTheMatchingConstantForBasicAndPrimitiveTypes() {
        assertThat(TypeInformation.of(String.class)).isSameAs(Types.STRING);
        assertThat(TypeInformation.of(Instant.class)).isSameAs(Types.INSTANT);
        assertThat(TypeInformation.of(int.class)).isSameAs(Types.INT);
        assertThat(TypeInformation.of(Void.class)).isSameAs(Types.VOID);
    }

    @Test
    void tupleInfoCarriesItsFieldTypesAndPrintsLikeFlink() {
        TypeInformation<Tuple2<String, Integer>> info = Types.TUPLE(Types.STRING, Types.INT);

        assertThat(info.getTypeClass()).isEqualTo(Tuple2.class);
        assertThat(info.isTupleType()).isTrue();
        assertThat(info.getArity()).isEqualTo(2);
        assertThat(info.getNestedTypes()).containsExactly(Types.STRING, Types.INT);
        assertThat(info).hasToString("Java Tuple2<String, Integer>");
    }

    @Test
    void aTypeHintCapturesTheFullGenericType() {
        TypeHint<Tuple2<String, List<Long>>> hint = new TypeHint<Tuple2<String, List<Long>>>() { };

        TypeInformation<Tuple2<String, List<Long>>> info = TypeInformation.of(hint);

        assertThat(info).isEqualTo(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)));
        assertThat(info).hasToString("Java Tuple2<String, List<Long>>");
        assertThat(hint.getTypeInfo()).isSameAs(info);
        assertThat(hint).hasToString("TypeHint: Java Tuple2<String, List<Long>>");
        assertThat(hint).isEqualTo(new TypeHint<Tuple2<String, List<Long>>>() { });
    }

    @Test
    void typeHintsOfMapsArraysAndBasicTypesMatchTheFactories() {
        assertThat(new TypeHint<Map<String, Integer>>() { }.getTypeInfo())
            .isEqualTo(Types.MAP(Types.STRING, Types.INT))
            .hasToString("Map<String, Integer>");
        assertThat(new TypeHint<String>() { }.getTypeInfo()).isSameAs(Types.STRING);
        assertThat(new TypeHint<String[]>() { }.getTypeInfo())
            .isEqualTo(Types.OBJECT_ARRAY(Types.STRING))
            .hasToString("ObjectArrayTypeInfo<String>");
        assertThat(new TypeHint<int[]>() { }.getTypeInfo())
            .isEqualTo(Types.PRIMITIVE_ARRAY(Types.INT))
            .hasToString("int[]");
    }

    @Test
    void aTypeHintOverATypeVariableDescribesObjectInsteadOfFailing() {
        assertThat(hintOf().getTypeInfo()).isEqualTo(Types.GENERIC(Object.class));
    }

    private static <X> TypeHint<X> hintOf() {
        return new TypeHint<X>() { };
    }

    @Test
    void aTupleSubclassTakesItsFieldTypesFromItsGenericSuperclass() {
        TypeInformation<WordCount> info = TypeInformation.of(WordCount.class);

        assertThat(info.isTupleType()).isTrue();
        assertThat(info.getTypeClass()).isEqualTo(WordCount.class);
        assertThat(info.getNestedTypes()).containsExactly(Types.STRING, Types.LONG);
        assertThat(info).hasToString("Java WordCount<String, Long>");
        assertThat(Types.TUPLE(WordCount.class)).isEqualTo(info);
    }

    @Test
    void aRawTupleClassHasGenericFields() {
        assertThat(TypeInformation.of(Tuple3.class).getNestedTypes())
            .containsExactly(Types.GENERIC(Object.class), Types.GENERIC(Object.class), Types.GENERIC(Object.class));
    }

    @Test
    void aPojoListsItsFieldsInNameOrder() {
        TypeInformation<Order> info = TypeInformation.of(Order.class);

        assertThat(info).isEqualTo(Types.POJO(Order.class));
        assertThat(info.getArity()).isEqualTo(3);
        assertThat(info).hasToString("PojoType<" + Order.class.getName()
            + ", fields = [amount: Double, customer: String, lines: List<Long>]>");
    }

    @Test
    void aPojoWithExplicitFieldTypesChecksTheNames() {
        Map<String, TypeInformation<?>> fields = new LinkedHashMap<>();
        fields.put("customer", Types.STRING);
        fields.put("amount", Types.DOUBLE);

        assertThat(Types.POJO(Order.class, fields)).hasToString("PojoType<" + Order.class.getName()
            + ", fields = [amount: Double, customer: String]>");
        assertThatThrownBy(() -> Types.POJO(Order.class, Map.of("price", Types.DOUBLE)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Types.POJO: " + Order.class.getName()
                + " has no field 'price'; its fields are [amount, customer, lines]");
    }

    @Test
    void aSelfReferencingPojoDescribesTheInnerOccurrenceAsGeneric() {
        assertThat(TypeInformation.of(Node.class)).hasToString("PojoType<" + Node.class.getName()
            + ", fields = [next: GenericType<" + Node.class.getName() + ">, value: Integer]>");
    }

    @Test
    void classesThatAreNotPojosAreGeneric() {
        assertThat(TypeInformation.of(Object.class)).hasToString("GenericType<java.lang.Object>");
        assertThat(TypeInformation.of(List.class)).isEqualTo(Types.GENERIC(List.class));
        assertThat(TypeInformation.of(NoDefaultConstructor.class)).isEqualTo(Types.GENERIC(NoDefaultConstructor.class));
    }

    @Test
    void enumsAndGenericTypesPrintTheirClassName() {
        assertThat(TypeInformation.of(Color.class)).isEqualTo(Types.ENUM(Color.class))
            .hasToString("EnumTypeInfo<" + Color.class.getName() + ">");
        assertThat(Types.GENERIC(StringBuilder.class)).hasToString("GenericType<java.lang.StringBuilder>");
    }

    @Test
    void primitiveArraysNeedAPrimitiveElementType() {
        assertThat(Types.PRIMITIVE_ARRAY(Types.BYTE).getTypeClass()).isEqualTo(byte[].class);
        assertThatThrownBy(() -> Types.PRIMITIVE_ARRAY(Types.STRING))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Types.PRIMITIVE_ARRAY needs a primitive element type such as Types.INT or Types.BYTE, got "
                + "String: use Types.OBJECT_ARRAY for arrays of objects");
    }

    @Test
    void tuplesUpToTwentyFiveFieldsAreDescribedAndWiderOnesRefusedWithTheAlternative() {
        assertThat(Types.TUPLE(Types.INT, Types.INT, Types.INT, Types.INT, Types.INT, Types.STRING).toString())
            .isEqualTo("Java Tuple6<Integer, Integer, Integer, Integer, Integer, String>");
        TypeInformation<?>[] wide = new TypeInformation<?>[26];
        java.util.Arrays.fill(wide, Types.INT);
        assertThat(Types.TUPLE(java.util.Arrays.copyOf(wide, 25)).getArity()).isEqualTo(25);
        assertThatThrownBy(() -> Types.TUPLE(wide))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not 26: use a POJO");
    }

    @Test
    void typeInformationIsSerializableAndEqualAfterwards() throws Exception {
        TypeInformation<?> info = Types.MAP(Types.STRING, Types.TUPLE(Types.INT, Types.OBJECT_ARRAY(Types.LONG)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(info);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object copy = in.readObject();
            assertThat(copy).isEqualTo(info).hasSameHashCodeAs(info).hasToString(info.toString());
        }
    }

    /** A tuple subclass with concrete field types. */
    public static class WordCount extends Tuple2<String, Long> {
    }

    /** A POJO with public fields. */
    public static class Order {
        public String customer;
        public Double amount;
        public List<Long> lines;
        public static int ignoredStatic;
        public transient int ignoredTransient;
    }

    /** A POJO that refers to itself. */
    public static class Node {
        public Integer value;
        public Node next;
    }

    /** Not a POJO: no no-argument constructor. */
    public static class NoDefaultConstructor {
        public final int x;

        public NoDefaultConstructor(int x) {
            this.x = x;
        }
    }

    /** An enum. */
    public enum Color { RED, GREEN }
}
