package dev.touchstone.spark.internal;

import java.sql.Types;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Spark's column types as the {@link Types} codes the pushdown reads (numbers, text, other). */
final class SparkTypes {

    private SparkTypes() {
    }

    static int sqlType(DataType type) {
        if (type instanceof ByteType) {
            return Types.TINYINT;
        } else if (type instanceof ShortType) {
            return Types.SMALLINT;
        } else if (type instanceof IntegerType) {
            return Types.INTEGER;
        } else if (type instanceof LongType) {
            return Types.BIGINT;
        } else if (type instanceof FloatType) {
            return Types.REAL;
        } else if (type instanceof DoubleType) {
            return Types.DOUBLE;
        } else if (type instanceof DecimalType) {
            return Types.DECIMAL;
        } else if (type instanceof StringType) {
            return Types.VARCHAR;
        } else if (type instanceof BooleanType) {
            return Types.BOOLEAN;
        } else if (type instanceof DateType) {
            return Types.DATE;
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return Types.TIMESTAMP;
        } else if (type instanceof BinaryType) {
            return Types.BINARY;
        }
        return Types.OTHER;
    }
}
