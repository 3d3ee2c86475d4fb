using CommunityRules.Diagnostics;

namespace CommunityRules.Checks;

/// <summary>
/// The code behind a rule, as a Roslyn analyzer: a named kind (<c>naming</c>, <c>inactivity</c>) that YAML rules
/// select with <c>check:</c>. Derive from <see cref="Check{TOptions}"/>.
/// </summary>
/// <remarks>
/// A check is created once and shared: for each rule that names it, <see cref="Check{TOptions}.Initialize"/>
/// registers small actions per person, group, post or comment and at the end of the run. A check reports findings
/// through the contexts it is given; it never formats output or reads files.
/// </remarks>
public abstract class Check
{
    private protected Check()
    {
    }

    /// <summary>Gets the name that rule files use in <c>check:</c>, in camelCase.</summary>
    public abstract string Kind { get; }

    /// <summary>Gets a one-line description for documentation and the JSON Schema.</summary>
    public abstract string Description { get; }

    /// <summary>Gets the targets a rule with this check may have.</summary>
    public abstract IReadOnlyList<TargetKind> SupportedTargets { get; }

    /// <summary>Gets the names of the values the check provides to a rule's message, such as <c>reason</c>.</summary>
    public virtual IReadOnlyList<string> MessageArguments => ["reason"];

    /// <summary>Gets the kinds of finding the check reports beside its main one, each with a rule id of its own.</summary>
    public virtual IReadOnlyList<CheckOutcome> Outcomes => [];

    internal abstract Type OptionsType { get; }

    /// <summary>Gets the lock the check's per-item actions are called under unless a rule's initialization opted in to concurrent execution.</summary>
    internal object ExecutionGate { get; } = new();

    /// <summary>Gets the message values that depend on a rule's options, such as a pattern's named groups.</summary>
    internal virtual IEnumerable<string> MessageArgumentsFor(object options) => [];

    internal abstract void ValidateOptions(object options, CheckOptionsContext context);

    internal abstract Data.DataCapabilities RequiredDataFor(object options);

    /// <summary>
    /// Gets the optional fields of posts, comments and reactions a rule with these options reads in its actions, for
    /// the run's projection (<see cref="Engine.FieldProjection"/>); what its text contributions, scope and messages read
    /// the engine adds itself. Every field unless the check declares less, as the built-in checks do.
    /// </summary>
    internal abstract Data.RecordFields FieldsReadFor(object options);

    internal abstract void InitializeRule(CheckInitializationContext context, object options);
}

/// <summary>A check with typed options, bound from the rule's <c>options:</c> and described in the JSON Schema.</summary>
/// <typeparam name="TOptions">The options class: public settable properties with XML docs and defaults.</typeparam>
public abstract class Check<TOptions> : Check
    where TOptions : class, new()
{
    internal sealed override Type OptionsType => typeof(TOptions);

    /// <summary>Validates a rule's options beyond what the schema can say, and loads what they refer to.</summary>
    /// <param name="options">The options.</param>
    /// <param name="context">Reports errors at the option's position in the rule file, and reads list files.</param>
    protected virtual void Validate(TOptions options, CheckOptionsContext context)
    {
    }

    /// <summary>
    /// Says what a rule with these options needs the data to tell, such as <see cref="Data.DataCapabilities.Admins"/>.
    /// When no layered source provides it, the rule is not run and the run says so once, instead of reporting every
    /// group as failing for data the export does not have.
    /// </summary>
    /// <param name="options">The rule's options.</param>
    /// <returns>What the check needs; <see cref="Data.DataCapabilities.None"/> by default.</returns>
    protected virtual Data.DataCapabilities GetRequiredData(TOptions options) => Data.DataCapabilities.None;

    /// <summary>
    /// Says which optional fields of posts, comments and reactions the check's actions read (beside its text
    /// contributions, which the engine knows): the run reads only those, for every rule together. Not declared, the
    /// check gets every field.
    /// </summary>
    /// <param name="options">The rule's options.</param>
    /// <returns>The fields read; <see cref="Data.RecordFields.All"/> by default.</returns>
    private protected virtual Data.RecordFields GetFieldsRead(TOptions options) => Data.RecordFields.All;

    /// <summary>Registers the actions of one rule that uses this check.</summary>
    /// <param name="context">Registers actions.</param>
    /// <param name="options">The rule's options, validated.</param>
    protected abstract void Initialize(CheckInitializationContext context, TOptions options);

    internal sealed override void ValidateOptions(object options, CheckOptionsContext context) => Validate((TOptions)options, context);

    internal sealed override Data.DataCapabilities RequiredDataFor(object options) => GetRequiredData((TOptions)options);

    internal sealed override Data.RecordFields FieldsReadFor(object options) => GetFieldsRead((TOptions)options);

    internal sealed override void InitializeRule(CheckInitializationContext context, object options) => Initialize(context, (TOptions)options);
}
