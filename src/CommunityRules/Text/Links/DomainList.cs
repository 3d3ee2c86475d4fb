using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunityRules.Text.Links;

/// <summary>
/// A compiled list of domains (a rule's <c>allowDomains</c> or <c>denyDomains</c>). A domain covers itself and every
/// subdomain: <c>intranet.example.com</c> covers <c>a.intranet.example.com</c> but not <c>badintranet.example.com</c>.
/// Case does not matter, a trailing dot is ignored, a leading <c>*.</c> or <c>.</c> means the same as none, and a
/// Unicode name and its punycode are the same domain. Immutable, so rules share one list across threads.
/// </summary>
internal sealed class DomainList
{
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> HostAlphabet =
        SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // Entries are stored in their ASCII (punycode) form; the alternate lookup lets Covers probe with spans, so an
    // ASCII host costs no allocation.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private DomainList(FrozenSet<string> domains)
    {
        Count = domains.Count;
        _lookup = domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum HostForm
    {
        // Letters, digits and hyphens only, in labels IDNA accepts unchanged (but for case).
        PlainAscii,

        // Unicode, or a punycode label whose validity only decoding it can judge.
        NeedsMapping,

        // ASCII that IDNA rejects (an underscore, an empty label, a label starting with '-').
        Invalid,
    }

    /// <summary>The number of different domains in the list.</summary>
    public int Count { get; }

    /// <summary>
    /// Compiles the entries. Bad entries are not thrown about: each gives an error in plain words with its index, and
    /// the list is only made when there are none.
    /// </summary>
    public static bool TryCreate(IEnumerable<string> domains, [NotNullWhen(true)] out DomainList? list, out IReadOnlyList<(int Index, string Error)> errors)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var compiled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<(int Index, string Error)>();
        var index = 0;
        foreach (var entry in domains)
        {
            if (TryCompile(entry, out var domain, out var error))
            {
                compiled.Add(domain);
            }
            else
            {
                problems.Add((index, error));
            }

            index++;
        }

        errors = problems;
        list = problems.Count == 0 ? new DomainList(compiled.ToFrozenSet(StringComparer.OrdinalIgnoreCase)) : null;
        return list is not null;
    }

    /// <summary>
    /// True when the host (as found in text: any case, Unicode or punycode, perhaps with a trailing dot) is a listed
    /// domain or a subdomain of one. Hosts <see cref="Idna"/> rejects are covered by no list.
    /// </summary>
    public bool Covers(ReadOnlySpan<char> host)
    {
        host = WithoutTrailingDot(host);
        if (host.IsEmpty)
        {
            return false;
        }

        // A host IDNA rejects (a_b.evil.com) is still judged by the domains it ends with, so such a name
        // cannot slip past a deny list.
        return Classify(host) == HostForm.NeedsMapping && TryGetAscii(host, out var ascii)
            ? CoversAscii(ascii)
            : CoversAscii(host);
    }

    /// <summary>
    /// The host as a finding shows it: lower case, Unicode, without a trailing dot ("bücher.example" for
    /// "XN--BCHER-KVA.example."). A host <see cref="Idna"/> rejects is shown lower-cased as it stands.
    /// </summary>
    public static string DisplayName(ReadOnlySpan<char> host)
    {
        host = WithoutTrailingDot(host);
        var form = Classify(host);
        return form == HostForm.NeedsMapping && TryGetAscii(host, out var ascii)
            ? Idna.ToUnicode(ascii)
            : TextFolding.ToLower(host.ToString());
    }

    private bool CoversAscii(ReadOnlySpan<char> host)
    {
        // The host itself, then each parent after a dot: a.intranet.example.com, intranet.example.com, example.com, com.
        while (true)
        {
            if (_lookup.Contains(host))
            {
                return true;
            }

            var dot = host.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            host = host[(dot + 1)..];
        }
    }

    private static bool TryCompile(string? entry, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        var text = entry?.Trim() ?? string.Empty;
        error = Misplaced(text);
        if (error is not null)
        {
            return false;
        }

        // "*.example.com", ".example.com" and "example.com" all mean the domain and its subdomains.
        var name = text.StartsWith("*.", StringComparison.Ordinal) ? text[2..] : text.StartsWith('.') ? text[1..] : text;
        if (name.Contains('*', StringComparison.Ordinal))
        {
            error = $"'{text}' has a '*' that is not at the start; write '*.example.com' or just 'example.com', which covers the same subdomains.";
            return false;
        }

        name = WithoutTrailingDot(name.AsSpan()).ToString();
        if (name.Length == 0)
        {
            error = $"'{text}' names no domain; write one such as 'example.com'.";
            return false;
        }

        if (!TryGetAscii(name, out var ascii))
        {
            error = $"'{text}' is not a valid domain name: {WhyInvalid(name)}.";
            return false;
        }

        domain = ascii;
        return true;
    }

    // Entries that are something else than a domain (empty, a web address, an e-mail address, a host with a port)
    // get an error that says what to write instead.
    private static string? Misplaced(string text)
    {
        if (text.Length == 0)
        {
            return "The entry is empty; write a domain such as 'example.com'.";
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return $"'{text}' contains a space; a domain has none. Write each domain as its own entry, such as 'example.com'.";
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            return Suggest(text, HostOf(text[(scheme + 3)..]), "is a web address, not a domain");
        }

        var path = text.IndexOfAny(['/', '?', '#', '\\']);
        if (path >= 0)
        {
            return Suggest(text, HostOf(text), "has a path; a domain is the host name alone");
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return Suggest(text, text[(text.LastIndexOf('@') + 1)..], "is an e-mail address, not a domain");
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        // "example.com:8080" has a port; anything else with a colon ("http:example.com") is no host at all.
        return !text.AsSpan(colon + 1).ContainsAnyExcept(Digits)
            ? Suggest(text, text[..colon], "has a port; a domain is the host name alone")
            : Suggest(text, string.Empty, "has a ':', which a domain cannot contain");
    }

    private static string Suggest(string text, string host, string what) =>
        host.Length > 0 && host != text
            ? $"'{text}' {what}: write '{host}' instead of '{text}'."
            : $"'{text}' {what}: write the host name alone, such as 'example.com'.";

    // The host of "user@host:port/path?query": what the entry should have been.
    private static string HostOf(string address)
    {
        var end = address.IndexOfAny(['/', '?', '#', '\\']);
        var authority = end < 0 ? address : address[..end];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var port = authority.IndexOf(':', StringComparison.Ordinal);
        return port < 0 ? authority : authority[..port];
    }

    private static string WhyInvalid(string name)
    {
        if (name.Length > MaxHostLength)
        {
            return $"it is longer than {MaxHostLength} characters";
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0)
            {
                return "it has two dots in a row";
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return $"the part '{label}' starts or ends with '-'";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"the part '{label}' is longer than {MaxLabelLength} characters";
            }

            var bad = label.FirstOrDefault(character => character != '-' && !char.IsLetterOrDigit(character)
                && CharUnicodeInfo.GetUnicodeCategory(character) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark));
            if (bad != default)
            {
                return $"'{bad}' cannot be part of a domain name; use letters, digits and '-'";
            }
        }

        return "use letters, digits and '-' in parts separated by dots, such as 'intranet.example.com'";
    }

    private static ReadOnlySpan<char> WithoutTrailingDot(ReadOnlySpan<char> host) =>
        host.EndsWith('.') ? host[..^1] : host;

    // Mirrors what Idna accepts for ASCII, so ASCII hosts need no mapping and no allocation.
    private static HostForm Classify(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > MaxHostLength)
        {
            return HostForm.Invalid;
        }

        if (!System.Text.Ascii.IsValid(host))
        {
            return HostForm.NeedsMapping;
        }

        var form = HostForm.PlainAscii;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-'
                || label.IndexOfAnyExcept(HostAlphabet) >= 0)
            {
                return HostForm.Invalid;
            }

            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                form = HostForm.NeedsMapping;
            }
        }

        return form;
    }

    // Our own IDNA rather than IdnMapping, which needs ICU: without it, Unicode names would not match their punycode.
    private static bool TryGetAscii(ReadOnlySpan<char> host, [NotNullWhen(true)] out string? ascii) => Idna.TryGetAscii(host, out ascii);
}
