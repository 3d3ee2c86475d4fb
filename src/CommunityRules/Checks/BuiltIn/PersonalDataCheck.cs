using CommunityRules.Diagnostics;
using CommunityRules.Text;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>personalData</c> check.</summary>
public sealed class PersonalDataOptions
{
    /// <summary>Gets or sets the detectors to run: email, phone, personnummer, fodselsnummer, cpr, hetu, iban and paymentCard. All of them when left out.</summary>
    public IReadOnlyList<string>? Detectors { get; set; }

    /// <summary>Gets or sets the fields to read: title and text of a post (the default), or the text only. Comments have only a text.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }
}

/// <summary>Finds personal data in posts and comments: e-mail addresses, phone numbers, Nordic national identity numbers, IBANs and payment cards, each checked with its check digits, and always masked in findings.</summary>
public sealed class PersonalDataCheck : Check<PersonalDataOptions>
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
    }

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

        context.RegisterText(new PersonalDataContribution(PostFields.Resolve(options.Fields, context.Target), kinds));
    }
}
