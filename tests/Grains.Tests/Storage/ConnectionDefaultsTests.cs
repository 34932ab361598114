using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Tests.Storage;

public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_plain_connection_string_gets_the_pool_defaults()
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=127.0.0.1;Port=5433;Username=ipf;Password=secret"));

        Assert.Equal(16, applied.MaxPoolSize);
        Assert.Equal(32, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("127.0.0.1", applied.Host);
        Assert.Equal(5433, applied.Port);
        Assert.Equal("secret", applied.Password);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxPoolSize=50;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void What_the_operator_configured_wins_in_any_spelling(string configured)
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(configured));

        Assert.Equal(50, applied.MaxPoolSize);
        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.False(applied.NoResetOnClose);
    }

    [Fact]
    public void Orleans_gets_a_small_pool_of_its_own_named_apart_from_the_product()
    {
        const string configured = "Host=127.0.0.1;Port=5433;Username=ipf;Password=secret";
        var orleans = new NpgsqlConnectionStringBuilder(ConnectionDefaults.ForOrleans(configured));
        var product = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(configured));

        Assert.Equal(8, orleans.MaxPoolSize);
        Assert.Equal("ipf-orleans", orleans.ApplicationName);
        Assert.Equal("secret", orleans.Password);
        // A pool is per connection string: the two must differ, or Orleans' membership writes would queue behind ledger commits.
        Assert.NotEqual(product.ConnectionString, orleans.ConnectionString);
    }

    [Fact]
    public void What_the_operator_configured_wins_for_Orleans_too()
    {
        var orleans = new NpgsqlConnectionStringBuilder(ConnectionDefaults.ForOrleans("Host=db;Maximum Pool Size=30;Application Name=silo-a"));

        Assert.Equal(30, orleans.MaxPoolSize);
        Assert.Equal("silo-a", orleans.ApplicationName);
    }
}
