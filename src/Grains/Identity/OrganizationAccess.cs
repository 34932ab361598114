using System.Net;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Grains.Identity;

/// <summary>What the gate needs of an organisation's row: its tier, its allow-list and whether it is served at all.</summary>
public sealed record OrganizationAccess(string SubscriptionTier, IReadOnlyList<IPNetwork> AllowList, string SubscriptionStatus = SubscriptionStatuses.Active)
{
    /// <summary>A suspended organisation is refused whole: its people, its clients and its POS.</summary>
    public bool Suspended => SubscriptionStatus == SubscriptionStatuses.Suspended;

    /// <summary>Only enterprise organisations keep a list in force; a list left over from a downgrade is kept but not applied.</summary>
    public bool Enforced => SubscriptionTier == SubscriptionTiers.Enterprise && AllowList.Count > 0;

    /// <summary>An address the list covers; with a list in force, a request whose address is unknown is refused.</summary>
    public bool Admits(IPAddress? client)
    {
        if (!Enforced)
        {
            return true;
        }

        if (client is null)
        {
            return false;
        }

        // Kestrel on a dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; the list holds them as IPv4.
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        for (var i = 0; i < AllowList.Count; i++)
        {
            if (AllowList[i].Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    public IpAllowList Shown() => new(AllowList.Select(n => n.ToString()).ToArray(), SubscriptionTier, Enforced);
}
