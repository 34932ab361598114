using InventoryProFlow.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>Membership timing comes from Orleans:Membership:*; unset keeps Orleans' defaults, and a bad value stops start-up naming the setting.</summary>
public sealed class MembershipSettingsTests
{
    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => $"Orleans:Membership:{v.Key}", v => (string?)v.Value)).Build()
            .GetSection("Orleans:Membership");

    [Fact]
    public void The_cluster_timing_replaces_the_defaults_it_names()
    {
        var options = new ClusterMembershipOptions();
        var defaults = new ClusterMembershipOptions();

        MembershipSettings.From(Section(("ProbeTimeoutSeconds", "1"), ("MissedProbesLimit", "2"), ("TableRefreshSeconds", "2.5"))).ApplyTo(options);

        Assert.Equal(TimeSpan.FromSeconds(1), options.ProbeTimeout);
        Assert.Equal(2, options.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.TableRefreshTimeout);
        Assert.Equal(defaults.NumVotesForDeathDeclaration, options.NumVotesForDeathDeclaration);
        Assert.Equal(defaults.IAmAliveTablePublishTimeout, options.IAmAliveTablePublishTimeout);
    }

    [Theory]
    [InlineData("ProbeTimeoutSeconds", "0")]
    [InlineData("ProbeTimeoutSeconds", "soon")]
    [InlineData("VotesForDeath", "-1")]
    [InlineData("MissedProbesLimit", "1.5")]
    public void A_bad_value_is_refused_with_its_name(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MembershipSettings.From(Section((key, value))));

        Assert.Contains($"Orleans:Membership:{key} '{value}'", error.Message, StringComparison.Ordinal);
    }
}
