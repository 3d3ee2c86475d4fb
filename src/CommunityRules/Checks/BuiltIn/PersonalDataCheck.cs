using CommunityRules.Diagnostics;
using CommunityRules.Text;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>personalData</c> check.</summary>
internal sealed class PersonalDataOptions
{
    /// <summary>Gets or sets the detectors to run: email, phone, personnummer, fodselsnummer, cpr, hetu, iban and paymentCard. All of them when left out.</summary>
    public IReadOnlyList<string>? Detectors { get; set; }

    /// <summary>Gets or sets the fields to read: title and text of a post (the default), or the text only. Comments have only a text.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }

    /// <summary>
    /// Gets or sets the organisation's own e-mail domains, such as <c>nordvik.se</c>: addresses there are colleagues'
    /// work addresses and not reported. A domain covers its subdomains. None when left out.
    /// </summary>
    public IReadOnlyList<string>? IgnoreEmailDomains { get; set; }

    /// <summary>
    /// Gets or sets more role mailboxes (local parts such as <c>lonekontoret</c>) that belong to a function rather than a
    /// person, in addition to the built-in ones (<c>info</c>, <c>support</c>, <c>kundservice</c>, ...).
    /// </summary>
    public IReadOnlyList<string>? RoleMailboxes { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal EmailPolicy? Emails { get; set; }
}

/// <summary>Finds personal data in posts and comments: e-mail addresses, phone numbers, Nordic national identity numbers, IBANs and payment cards, each checked with its check digits, and always masked in findings.</summary>
internal sealed class PersonalDataCheck : Check<PersonalDataOptions>
{
    /// <inheritdoc/>
    public override string Kind => "personalData";

    /// <inheritdoc/>
    public override string Description => "Posts and comments hold no personal data: e-mail addresses, phone numbers, personnummer, fødselsnummer, CPR, henkilötunnus, IBANs or card numbers (values are masked in findings).";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["detector", "value", "position", "field", "reason"];

    /// <inheritdoc/>
    protected override void Validate(PersonalDataOptions options, CheckOptionsContext context)
    {
        PostFields.Validate(options.Fields, context);
        if (options.Detectors is { Count: 0 })
        {
            context.ReportError("detectors", "The list of detectors is empty; name at least one, or leave 'detectors' out to run them all.");
        }

        foreach (var name in options.Detectors ?? [])
        {
            if (!PersonalDataScanner.TryParseName(name, out _))
            {
                context.ReportError("detectors", $"'{name}' is not a detector.{Rules.Suggestions.DidYouMean(name, PersonalDataScanner.Names)} The detectors are {string.Join(", ", PersonalDataScanner.Names)}.");
            }
        }

        DomainList? domains = null;
        if (options.IgnoreEmailDomains is { } ignore)
        {
            if (ignore.Count == 0)
            {
                context.ReportError("ignoreEmailDomains", "The list 'ignoreEmailDomains' is empty; name the organisation's own domains, such as 'nordvik.se', or leave the option out.");
            }
            else if (!DomainList.TryCreate(ignore, out domains, out var errors))
            {
                foreach (var (index, error) in errors)
                {
                    context.ReportError("ignoreEmailDomains", $"Entry {index + 1} ('{ignore[index]}'): {error}");
                }
            }
        }

        for (var i = 0; i < (options.RoleMailboxes?.Count ?? 0); i++)
        {
            var entry = options.RoleMailboxes![i]?.Trim() ?? string.Empty;
            if (!EmailPolicy.IsValidLocalPart(entry))
            {
                var at = entry.IndexOf('@', StringComparison.Ordinal);
                var fix = at > 0 ? $"write '{entry[..at]}' instead" : "write the part before the '@' alone, such as 'lonekontoret'";
                context.ReportError("roleMailboxes", $"Entry {i + 1} ('{entry}') is not the local part of an address: {fix}.");
            }
        }

        if (!context.HasErrors)
        {
            options.Emails = EmailPolicy.Create(options.RoleMailboxes?.Select(entry => entry.Trim()), domains);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Only its text contribution, whose fields the engine adds.</remarks>
    private protected override Data.RecordFields GetFieldsRead(PersonalDataOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, PersonalDataOptions options)
    {
        var kinds = PersonalDataKinds.None;
        foreach (var name in options.Detectors ?? PersonalDataScanner.Names)
        {
            if (PersonalDataScanner.TryParseName(name, out var kind))
            {
                kinds |= kind;
            }
        }

        context.RegisterText(new PersonalDataContribution(PostFields.Resolve(options.Fields, context.Target), kinds, options.Emails ?? EmailPolicy.Default));
    }
}
