using System.Data;
using Dapper;

namespace InventoryProFlow.Grains.Storage;

/// <summary>PostgreSQL <c>date</c> as <see cref="DateOnly"/>: Npgsql reads a date as DateTime unless asked, and Dapper does not ask.</summary>
internal sealed class DateOnlyColumn : SqlMapper.TypeHandler<DateOnly>
{
    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
    };

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }
}
