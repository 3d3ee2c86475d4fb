namespace CommunityRules.Model;

/// <summary>A person in the network: an employee, current or former.</summary>
public sealed record Person
{
    /// <summary>Gets the person's identifier, unique within the network.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the job title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the department.</summary>
    public string? Department { get; init; }

    /// <summary>Gets the company or legal entity.</summary>
    public string? Company { get; init; }

    /// <summary>Gets the office or site.</summary>
    public string? Office { get; init; }

    /// <summary>Gets the country or region, typically an ISO 3166 code such as <c>SE</c>.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the identifier of the person's manager.</summary>
    public string? ManagerId { get; init; }

    /// <summary>Gets the person's roles, such as <c>executive</c>, <c>manager</c> or <c>communications</c>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Gets whether the account is a person, a bot or a system account.</summary>
    /// <value>The default value is <see cref="PersonKind.Person"/>.</value>
    public PersonKind Kind { get; init; }

    /// <summary>Gets a value indicating whether the person is still with the organisation.</summary>
    /// <value>The default value is <see langword="true"/>; people who left are <see langword="false"/>.</value>
    public bool Active { get; init; } = true;
}

/// <summary>What kind of account a person record is.</summary>
public enum PersonKind
{
    /// <summary>A person: an employee, current or former.</summary>
    Person,

    /// <summary>A bot or app that posts on its own: its messages are not activity, and it is never an admin who left.</summary>
    Bot,

    /// <summary>A system or service account, such as the one that posts join and leave events.</summary>
    System,
}
