namespace CommunityRules.SampleNetwork;

/// <summary>Roles as written to <c>people.jsonl</c>.</summary>
[Flags]
internal enum PersonRoles
{
    None = 0,
    Executive = 1,
    Manager = 2,
    Communications = 4,
    Employee = 8,
}

/// <summary>A person in the directory; <see cref="Number"/> is the numeric part of the id.</summary>
internal sealed class Person
{
    public required int Number { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    public required string Title { get; init; }

    public required string Department { get; init; }

    public required string Company { get; init; }

    public required string Office { get; init; }

    public required CountryInfo Country { get; init; }

    public required PersonRoles Roles { get; init; }

    /// <summary>Number of the manager, or 0 for the CEO.</summary>
    public int ManagerNumber { get; set; }

    /// <summary>False for people who have left the company.</summary>
    public bool Active { get; set; } = true;

    public string Name => $"{FirstName} {LastName}";

    public bool IsLeader => (Roles & (PersonRoles.Executive | PersonRoles.Manager | PersonRoles.Communications)) != 0;

    public bool IsExecutive => Roles.HasFlag(PersonRoles.Executive);

    /// <summary>Only the employee role: the kind of person who should not be creating official groups.</summary>
    public bool IsOrdinaryEmployee => Roles == PersonRoles.Employee;
}
