using CommunityRules.Diagnostics;
using CommunityRules.Text;
using CommunityRules.Text.Links;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>links</c> check. Set either <c>allowDomains</c> or <c>denyDomains</c>.</summary>
internal sealed class LinksOptions
{
    /// <summary>Gets or sets the only domains links may point to, such as <c>intranet.example.com</c>; a domain covers its subdomains.</summary>
    public IReadOnlyList<string>? AllowDomains { get; set; }

    /// <summary>Gets or sets domains links must not point to, such as <c>wetransfer.com</c>; a domain covers its subdomains.</summary>
    public IReadOnlyList<string>? DenyDomains { get; set; }

    /// <summary>Gets or sets the fields to read: title and text of a post (the default), or the text only. Comments have only a text.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal DomainList? Compiled { get; set; }
}

/// <summary>Checks the links in posts and comments against a list of allowed or denied domains; international domain names and their punycode form are the same domain.</summary>
internal sealed class LinksCheck : Check<LinksOptions>
{
    /// <inheritdoc/>
    public override string Kind => "links";

    /// <inheritdoc/>
    public override string Description => "Links in posts and comments point only to allowed domains, or to none of the denied ones.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["domain", "position", "field", "reason"];

    /// <inheritdoc/>
    protected override void Validate(LinksOptions options, CheckOptionsContext context)
    {
        PostFields.Validate(options.Fields, context);
        if ((options.AllowDomains is null) == (options.DenyDomains is null))
        {
            context.ReportError(options.AllowDomains is null ? "denyDomains" : "allowDomains", "Set exactly one of 'allowDomains' (the only domains links may point to) and 'denyDomains' (domains they must not point to).");
            return;
        }

        var (name, domains) = options.AllowDomains is { } allow ? ("allowDomains", allow) : ("denyDomains", options.DenyDomains!);
        if (domains.Count == 0)
        {
            context.ReportError(name, $"The list '{name}' is empty; name at least one domain, such as 'example.com'.");
            return;
        }

        if (!DomainList.TryCreate(domains, out var list, out var errors))
        {
            foreach (var (index, error) in errors)
            {
                context.ReportError(name, $"Entry {index + 1} ('{domains[index]}'): {error}");
            }

            return;
        }

        options.Compiled = list;
    }

    /// <inheritdoc/>
    /// <remarks>Only its text contribution, whose fields the engine adds.</remarks>
    private protected override Data.RecordFields GetFieldsRead(LinksOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, LinksOptions options) =>
        context.RegisterText(new LinkContribution(PostFields.Resolve(options.Fields, context.Target), options.Compiled!, allow: options.AllowDomains is not null));
}
