using System.Collections.Frozen;
using CommunityRules.Text.Links;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Which e-mail addresses a personalData rule leaves alone: role mailboxes (<c>support@</c>, <c>kundservice@</c>),
/// which belong to a function rather than a person, and addresses at the organisation's own domains when the rule
/// lists them. Immutable; rules share it across threads.
/// </summary>
/// <remarks>
/// A role mailbox is a local part from the list, compared without case or diacritics (<c>Kundtjänst</c> is
/// <c>kundtjanst</c>), optionally with a country or region code joined by <c>-</c>, <c>_</c> or <c>.</c> before or
/// after it (<c>support-se</c>, <c>info.dk</c>, <c>fi-helpdesk</c>); <c>no-reply</c> and <c>no_reply</c> are
/// <c>noreply</c>. A person's name next to a role word (<c>it.anna</c>) is not a role mailbox.
/// </remarks>
internal sealed class EmailPolicy
{
    /// <summary>The built-in role mailboxes, as documented in docs/checks.md.</summary>
    public static readonly IReadOnlyList<string> BuiltInRoleMailboxes =
    [
        // The list and the words for the same functions in the five languages.
        "team", "info", "support", "noreply", "donotreply", "hr", "it", "helpdesk", "servicedesk", "kontakt", "contact",
        "kundservice", "kundtjanst", "kundeservice", "kundesenter", "asiakaspalvelu", "post", "postmaster", "office", "admin",
        "sales", "salg", "salj", "myynti", "press", "presse", "media", "viestinta", "kommunikation", "kommunikasjon",
        "ekonomi", "okonomi", "talous", "finance", "faktura", "invoice", "invoices", "laskut", "billing", "accounting",
        "jobs", "job", "careers", "rekrytering", "rekruttering", "rekry", "reception", "vaxel", "sentralbord", "omstilling", "vaihde",
        "security", "privacy", "gdpr", "dpo", "dataskydd", "personvern", "tietosuoja", "webmaster", "abuse", "kirjaamo", "registrator",
    ];

    private static readonly FrozenSet<string> RegionCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "se", "no", "dk", "fi", "is", "uk", "us", "de", "ee", "lv", "lt", "pl", "sv", "nb", "nn", "da", "en", "fo", "gl", "ax",
        "nordic", "nordics", "norden", "sverige", "norge", "danmark", "suomi", "finland", "hq", "global", "intl");

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _roles;
    private readonly DomainList? _ignoredDomains;

    private EmailPolicy(IEnumerable<string> roleMailboxes, DomainList? ignoredDomains)
    {
        _roles = roleMailboxes.Select(FoldLocalPart).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _ignoredDomains = ignoredDomains;
    }

    /// <summary>Gets the policy of a rule that sets neither option: the built-in role mailboxes only.</summary>
    public static EmailPolicy Default { get; } = new(BuiltInRoleMailboxes, null);

    /// <summary>The policy with the built-in role mailboxes, the rule's own, and its own domains.</summary>
    public static EmailPolicy Create(IEnumerable<string>? roleMailboxes, DomainList? ignoredDomains) =>
        roleMailboxes is null && ignoredDomains is null ? Default : new([.. BuiltInRoleMailboxes, .. roleMailboxes ?? []], ignoredDomains);

    /// <summary>Whether the address as found in a text (local part, '@', domain) is no personal data under this policy.</summary>
    public bool Ignores(ReadOnlySpan<char> address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        return (_ignoredDomains is not null && _ignoredDomains.Covers(address[(at + 1)..])) || IsRoleMailbox(address[..at]);
    }

    /// <summary>Whether a role mailbox entry is a local part on its own, not a whole address or a domain.</summary>
    public static bool IsValidLocalPart(string entry) =>
        entry.Length is > 0 and <= 64 && entry.All(EmailDetector.IsLocalCharacter) && entry[0] != '.' && entry[^1] != '.';

    private bool IsRoleMailbox(ReadOnlySpan<char> localPart)
    {
        if (localPart.Length > 64)
        {
            return false;
        }

        Span<char> folded = stackalloc char[localPart.Length];
        var length = 0;
        foreach (var c in localPart)
        {
            if (c is not ('-' or '_' or '.'))
            {
                folded[length++] = PersonalDataText.FoldLetter(c);
            }
        }

        // "no-reply", "no_reply" and "noreply" are one mailbox.
        if (_roles.Contains(folded[..length]))
        {
            return true;
        }

        // "support-se", "info.dk", "fi-helpdesk": a role and a region code, in either order.
        var separator = localPart.IndexOfAny('-', '_', '.');
        if (separator <= 0 || separator == localPart.Length - 1 || localPart[(separator + 1)..].IndexOfAny('-', '_', '.') >= 0)
        {
            return false;
        }

        Span<char> first = stackalloc char[separator];
        Span<char> second = stackalloc char[localPart.Length - separator - 1];
        FoldInto(localPart[..separator], first);
        FoldInto(localPart[(separator + 1)..], second);
        var regions = RegionCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        return (_roles.Contains(first) && regions.Contains(second)) || (regions.Contains(first) && _roles.Contains(second));
    }

    private static void FoldInto(ReadOnlySpan<char> text, Span<char> into)
    {
        for (var i = 0; i < text.Length; i++)
        {
            into[i] = PersonalDataText.FoldLetter(text[i]);
        }
    }

    private static string FoldLocalPart(string entry)
    {
        var folded = new char[entry.Length];
        var length = 0;
        foreach (var c in entry.Trim())
        {
            if (c is not ('-' or '_' or '.'))
            {
                folded[length++] = PersonalDataText.FoldLetter(c);
            }
        }

        return new string(folded, 0, length);
    }
}
