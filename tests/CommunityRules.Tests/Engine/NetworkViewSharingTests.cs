using CommunityRules.Model;

namespace CommunityRules.Tests.Engine;

public sealed class NetworkViewSharingTests
{
    [Fact]
    public void People_share_repeated_values_and_memberships_keep_the_people_and_groups_own_ids()
    {
        var network = new NetworkView(null, DateTimeOffset.UnixEpoch);
        // Separate string instances, as a reader makes them line by line.
        Assert.True(network.TryAddPerson(new Person { Id = "p1", Department = new string("Sales".AsSpan()), Roles = ["manager"] }));
        Assert.True(network.TryAddPerson(new Person { Id = "p2", Department = new string("Sales".AsSpan()), ManagerId = new string("p1".AsSpan()), Roles = ["manager"] }));
        Assert.True(network.TryAddGroup(new Group { Id = "g1" }));
        network.AddMembership(new Membership { GroupId = new string("g1".AsSpan()), PersonId = new string("p2".AsSpan()) });

        var first = network.FindPerson("p1")!;
        var second = network.FindPerson("p2")!;
        Assert.Same(first.Department, second.Department);
        Assert.Same(first.Roles, second.Roles);
        Assert.Same(first.Id, second.ManagerId);
        var membership = Assert.Single(network.GetMembers("g1"));
        Assert.Same(network.FindGroup("g1")!.Id, membership.GroupId);
        Assert.Same(second.Id, membership.PersonId);
        Assert.Same(membership, Assert.Single(network.GetMembershipsOf("p2")));
    }

    [Fact]
    public void Roles_that_join_to_the_same_text_are_not_mixed_up()
    {
        var network = new NetworkView(null, DateTimeOffset.UnixEpoch);
        Assert.True(network.TryAddPerson(new Person { Id = "p1", Roles = ["a\nb"] }));
        Assert.True(network.TryAddPerson(new Person { Id = "p2", Roles = ["a", "b"] }));

        Assert.Equal(["a\nb"], network.FindPerson("p1")!.Roles);
        Assert.Equal(["a", "b"], network.FindPerson("p2")!.Roles);
        Assert.False(network.TryAddPerson(new Person { Id = "p1", Roles = ["c"] }));
        Assert.Equal(["a\nb"], network.FindPerson("p1")!.Roles);
    }
}
