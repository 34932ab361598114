using System.Net;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Identity;

namespace InventoryProFlow.Grains.Tests.Identity;

public sealed class IpAllowListRulesTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    [InlineData("203.0.113.7", "203.0.113.7/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("2001:DB8:0:0::/48", "2001:db8::/48")]
    [InlineData("2001:db8::1", "2001:db8::1/128")]
    [InlineData("::/0", "::/0")]
    public void Ranges_and_single_addresses_are_read_in_canonical_form(string entry, string canonical)
    {
        Assert.True(CidrNotation.TryParse(entry, out var network, out var problem), problem);
        Assert.Equal(canonical, network.Value.ToString());
    }

    [Theory]
    [InlineData("10.0.0.1/24", "has bits set after its /24 prefix: write 10.0.0.0/24 for the network, or 10.0.0.1/32 for the one address")]
    [InlineData("2001:db8::1/32", "has bits set after its /32 prefix: write 2001:db8::/32 for the network, or 2001:db8::1/128 for the one address")]
    [InlineData("010.0.0.1", "is not an IPv4 address in dotted-decimal form (four numbers from 0 to 255, such as 203.0.113.0/24)")]
    [InlineData("10.1", "is not an IPv4 address in dotted-decimal form (four numbers from 0 to 255, such as 203.0.113.0/24)")]
    [InlineData("10.0.0.0/-1", "has a prefix length that is not a whole number from 0 to 32")]
    [InlineData("10.0.0.0/+8", "has a prefix length that is not a whole number from 0 to 32")]
    [InlineData("10.0.0.0/", "has a prefix length that is not a whole number from 0 to 32")]
    [InlineData("10.0.0.0/8/8", "is not an IP address or a CIDR range such as 203.0.113.0/24 or 2001:db8::/32")]
    [InlineData("fe80::1%eth0/64", "is not an IP address or a CIDR range such as 203.0.113.0/24 or 2001:db8::/32")]
    [InlineData("::ffff:192.0.2.0/120", "is an IPv4 network written as IPv6: write it as IPv4 (192.0.2.0/24)")]
    public void A_bad_entry_is_refused_saying_what_is_wrong(string entry, string expected)
    {
        Assert.False(CidrNotation.TryParse(entry, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_list_keeps_its_order_without_duplicates_and_names_every_bad_entry_at_once()
    {
        Assert.Equal(
            [IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("2001:db8::/32")],
            IpAllowListRules.Parse(["203.0.113.0/24", " 2001:db8::/32 ", "203.0.113.0/24"]));

        var refused = Assert.Throws<ValidationFailedException>(() => IpAllowListRules.Parse(["203.0.113.0/24", null, "x", "10.0.0.1/8"]));

        Assert.Equal(["entries[1]", "entries[2]", "entries[3]"], refused.Details.Select(d => d.Field));
        Assert.Equal("entries[1] is empty: give an IP address or a CIDR range.", refused.Details[0].Message);
    }

    [Fact]
    public void More_than_a_hundred_ranges_or_no_list_at_all_is_refused()
    {
        Assert.Empty(IpAllowListRules.Parse([]));
        Assert.Equal(100, IpAllowListRules.Parse(Enumerable.Range(0, 100).Select(i => (string?)$"10.0.{i}.0/24").ToList()).Count);

        var tooMany = Assert.Throws<ValidationFailedException>(() => IpAllowListRules.Parse(Enumerable.Range(0, 101).Select(i => (string?)$"10.0.{i}.0/24").ToList()));
        var missing = Assert.Throws<ValidationFailedException>(() => IpAllowListRules.Parse(null));

        Assert.Equal("entries has 101 ranges; at most 100 are allowed: merge neighbouring ranges into wider ones.", tooMany.Message);
        Assert.Equal("entries", Assert.Single(missing.Details).Field);
    }

    [Fact]
    public void Only_an_enterprise_list_with_ranges_is_enforced_and_it_admits_IPv4_clients_of_a_dual_stack_socket()
    {
        IReadOnlyList<IPNetwork> office = [IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("2001:db8::/32")];
        var enterprise = new OrganizationAccess("enterprise", office);

        Assert.True(enterprise.Admits(IPAddress.Parse("203.0.113.9")));
        Assert.True(enterprise.Admits(IPAddress.Parse("::ffff:203.0.113.9")));
        Assert.True(enterprise.Admits(IPAddress.Parse("2001:db8:1::9")));
        Assert.False(enterprise.Admits(IPAddress.Parse("203.0.114.9")));
        Assert.False(enterprise.Admits(null));
        Assert.True(new OrganizationAccess("enterprise", []).Admits(IPAddress.Parse("198.51.100.1")));
        Assert.True(new OrganizationAccess("professional", office).Admits(IPAddress.Parse("198.51.100.1")));
        Assert.False(new OrganizationAccess("professional", office).Enforced);
    }
}
