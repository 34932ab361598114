using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// PostgreSQL <c>text[]</c> as <c>string[]</c>: Npgsql names the column's type only as an Array, so Dapper would not
/// match it to a record's string[] member without being told.
/// </summary>
internal sealed class TextArrayColumn : SqlMapper.TypeHandler<string[]>
{
    public override string[] Parse(object value) => value switch
    {
        string[] texts => texts,
        Array array => array.Cast<object?>().Select(v => v?.ToString() ?? string.Empty).ToArray(),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a text array."),
    };

    public override void SetValue(IDbDataParameter parameter, string[]? value)
    {
        if (parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
        }

        parameter.Value = (object?)value ?? DBNull.Value;
    }
}
