using System.Reflection;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Rules.Schema;
using CommunityRules.Rules.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace CommunityRules.Rules;

/// <summary>
/// Loads rule and configuration files (YAML) into a <see cref="RuleSet"/>: files, folders and bundled packs
/// (<c>builtin:governance</c>), following <c>extends</c>, validating against the JSON Schema and then semantically.
/// Every problem is a <see cref="RuleError"/> with file, line and column; nothing is thrown for bad input.
/// </summary>
public sealed class RuleSetLoader
{
    /// <summary>The prefix that names a bundled rule pack, such as <c>builtin:governance</c>.</summary>
    public const string BuiltinPrefix = "builtin:";

    private const string ResourcePrefix = "CommunityRules.BuiltinRules.";

    private readonly Dictionary<string, Check> _checks;
    private readonly Lazy<JsonSchema> _schema;

    /// <summary>Initializes a new instance of the <see cref="RuleSetLoader"/> class.</summary>
    /// <param name="checks">The check kinds rule files may name: the built-ins and any added ones.</param>
    /// <exception cref="ArgumentException">Two checks have the same kind.</exception>
    public RuleSetLoader(IEnumerable<Check> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        _checks = new Dictionary<string, Check>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            if (!_checks.TryAdd(check.Kind, check) && _checks[check.Kind].GetType() != check.GetType())
            {
                throw new ArgumentException($"Two checks have the kind '{check.Kind}': {_checks[check.Kind].GetType()} and {check.GetType()}.", nameof(checks));
            }
        }

        foreach (var check in _checks.Values)
        {
            CheckOutcomeMessages(check);
        }

        _schema = new Lazy<JsonSchema>(() => SchemaDocument.Parse(GenerateSchema()));
    }

    /// <summary>A check's own default messages must name only values it can fill; a typo there is the check author's bug, found at start-up.</summary>
    private static void CheckOutcomeMessages(Check check)
    {
        foreach (var outcome in check.Outcomes)
        {
            var template = MessageTemplate.TryParse(outcome.MessageFormat, out var error, out _)
                ?? throw new ArgumentException($"Check '{check.Kind}' has an outcome '{outcome.Name}' whose message is not valid: {error}.", nameof(check));
            foreach (var (name, _) in template.Placeholders)
            {
                var known = check.SupportedTargets.All(target => EntityFields.PathsOf(target).Contains(name, StringComparer.Ordinal))
                    || check.MessageArguments.Contains(name, StringComparer.Ordinal)
                    || name.StartsWith("rule.", StringComparison.Ordinal);
                if (!known)
                {
                    throw new ArgumentException($"Check '{check.Kind}' has an outcome '{outcome.Name}' whose message names '{{{name}}}', which neither the check nor its targets provide.", nameof(check));
                }
            }
        }
    }

    /// <summary>
    /// Gets a value indicating whether the bundled packs are validated against the JSON Schema too and their examples
    /// bound as they load (tests do; runs need not: a run binds a bundled rule's examples only if it runs them).
    /// </summary>
    internal bool ValidateBuiltinPacks { get; init; }

    /// <summary>Gets the names of the bundled rule packs, for <c>extends: [builtin:NAME]</c>.</summary>
    public static IReadOnlyList<string> BuiltinPacks { get; } =
        [.. typeof(RuleSetLoader).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Gets the check kinds this loader knows.</summary>
    public IReadOnlyCollection<string> CheckKinds => _checks.Keys;

    /// <summary>Generates the JSON Schema of rule files for the checks this loader knows.</summary>
    /// <returns>The schema, as indented JSON.</returns>
    public string GenerateSchema() => RuleSchema.Generate(_checks.Values);

    /// <summary>Generates the JSON Schema of the snapshot format's records (people, groups, posts ...).</summary>
    /// <returns>The schema, as indented JSON.</returns>
    public static string GenerateSnapshotSchema() => SnapshotSchema.Generate();

    /// <summary>Loads rule and configuration files.</summary>
    /// <param name="paths">Files, folders (their <c>.yaml</c> and <c>.yml</c> files, in name order) and bundled packs (<c>builtin:NAME</c>).</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The rule set, or the errors.</returns>
    public RuleSetLoadResult Load(IEnumerable<string> paths, RuleSetLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var session = new LoadSession(this);
        foreach (var path in paths)
        {
            session.LoadPath(path, new SourceLocation(path, 1, 1));
        }

        return session.Finish(options ?? new RuleSetLoadOptions());
    }

    /// <summary>
    /// Says why a rule set would run no rule — it defines none, or every rule is switched off — as a CR1026 error at
    /// the file read last (whose settings apply over the others); <see langword="null"/> when some rule runs. A run
    /// with no rule would pass every time, so the command line and <see cref="LiveRuleSet"/> refuse it; the loader
    /// itself accepts it, for a program that wants only the engine's own data rules.
    /// </summary>
    internal static RuleError? NothingToRun(RuleSet ruleSet, IReadOnlyList<string> files)
    {
        if (ruleSet.Rules.Any(rule => rule.Descriptors.Any(descriptor => ruleSet.GetSeverity(descriptor) != Severity.None)))
        {
            return null;
        }

        var at = new SourceLocation(files.Count > 0 ? files[^1] : "(no rule file)", 1, 1);
        var profile = ruleSet.Profile is { } active ? $", with profile '{active}'" : string.Empty;
        return new RuleError(at, RuleErrorCodes.NoRules, ruleSet.Rules.Count == 0
            ? "The configuration defines no rule: its files have no 'rules:' and extend no pack. Add rules under 'rules:', or 'extends: [builtin:governance]'."
            : $"The configuration runs no rule: all {ruleSet.Rules.Count} are switched off (severity 'none', or off by default{profile}). Switch one on under 'severity:'.");
    }

    /// <summary>Loads rules from YAML text, for bots and tests; <c>extends</c> may name bundled packs and paths relative to the current directory.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="fileName">The name errors show for the text.</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The rule set, or the errors.</returns>
    public RuleSetLoadResult LoadText(string yaml, string fileName = "rules.yaml", RuleSetLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var session = new LoadSession(this);
        if (yaml.Length <= Yaml.YamlTreeReader.MaxBytes && RuleInputFile.LongLine(yaml, "rule file") is { } longLine)
        {
            return new RuleSetLoadResult(null, [new RuleError(new SourceLocation(fileName, longLine.Line, longLine.Column), longLine.Code, longLine.Message)], []);
        }

        session.LoadFile(fileName, yaml, directory: null);
        return session.Finish(options ?? new RuleSetLoadOptions());
    }

    private static string? ReadBuiltin(string name)
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The state of one load: files in the order their settings apply, and the errors.</summary>
    private sealed class LoadSession(RuleSetLoader loader)
    {
        private readonly List<RuleError> _errors = [];
        private readonly List<RuleFile> _files = [];
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visitedFolders = new(StringComparer.Ordinal);
        private int _filesRead;
        private bool _tooManyFiles;

        public void LoadPath(string path, SourceLocation referencedAt)
        {
            if (path.StartsWith(BuiltinPrefix, StringComparison.Ordinal))
            {
                var name = path[BuiltinPrefix.Length..];
                if (ReadBuiltin(name) is { } builtin)
                {
                    if (_visited.Add(path))
                    {
                        LoadFile(path, builtin, directory: null, againstSchema: loader.ValidateBuiltinPacks, bundled: true);
                    }
                }
                else
                {
                    _errors.Add(new RuleError(referencedAt, RuleErrorCodes.FileNotFound, $"There is no bundled rule pack '{name}'.{Suggestions.DidYouMean(name, BuiltinPacks)}"));
                }

                return;
            }

            if (RuleInputFile.IsFolder(path))
            {
                LoadFolder(path, referencedAt);
                return;
            }

            // One file reached by two names (a link, a second path) is read once.
            if (!_visited.Add(RealPathOrFull(path)) || !CountFile(referencedAt))
            {
                return;
            }

            var read = RuleInputFile.Read(path, "rule file");
            if (read.Problem is { } problem)
            {
                _errors.Add(new RuleError(problem.Line > 0 ? new SourceLocation(path, problem.Line, problem.Column) : referencedAt, problem.Code, problem.Message));
                return;
            }

            LoadFile(path, read.Text!, Path.GetDirectoryName(Path.GetFullPath(path)));
        }

        /// <summary>Reads a list file a rule's options name, under the limits of rule files, counting it among the files read.</summary>
        public FileText ReadListFile(string path, SourceLocation referencedAt) =>
            CountFile(referencedAt) ? RuleInputFile.Read(path, "list file") : new FileText(null, new FileProblem(RuleErrorCodes.TooLarge, TooManyFilesMessage));

        private const string TooManyFilesMessage = "The rule set reads more than 1,000 files (rule files, list files, folders' files); merge small files, or name fewer folders.";

        private bool CountFile(SourceLocation referencedAt)
        {
            if (++_filesRead <= RuleInputFile.MaxFiles)
            {
                return true;
            }

            if (!_tooManyFiles)
            {
                _tooManyFiles = true;
                _errors.Add(new RuleError(referencedAt, RuleErrorCodes.TooLarge, TooManyFilesMessage));
            }

            return false;
        }

        private static string RealPathOrFull(string path)
        {
            try
            {
                return RuleInputFile.RealPath(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Path.GetFullPath(path);
            }
        }

        /// <summary>Loads a folder's .yaml and .yml files in name order, its subfolders too; a folder reached again through a link is read once.</summary>
        private void LoadFolder(string folder, SourceLocation referencedAt)
        {
            var files = new List<string>();
            if (!CollectRuleFiles(folder, depth: 0, files, referencedAt))
            {
                return;
            }

            if (files.Count == 0)
            {
                _errors.Add(new RuleError(referencedAt, RuleErrorCodes.FileNotFound, $"The folder '{Echo.Path(folder)}' holds no .yaml or .yml rule file."));
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                LoadPath(file, new SourceLocation(file, 1, 1));
            }
        }

        private bool CollectRuleFiles(string folder, int depth, List<string> files, SourceLocation referencedAt)
        {
            if (!_visitedFolders.Add(RealPathOrFull(folder)))
            {
                return true;
            }

            if (depth > RuleInputFile.MaxFolderDepth)
            {
                _errors.Add(new RuleError(referencedAt, RuleErrorCodes.TooLarge, $"The folder '{Echo.Path(folder)}' lies more than {RuleInputFile.MaxFolderDepth} folders deep; rule folders are searched that deep at most."));
                return false;
            }

            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(folder)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _errors.Add(new RuleError(referencedAt, RuleErrorCodes.UnreadableFile, $"The folder '{Echo.Path(folder)}' cannot be read: {ex.Message}"));
                return false;
            }

            foreach (var entry in entries)
            {
                if (RuleInputFile.IsFolder(entry))
                {
                    if (!CollectRuleFiles(entry, depth + 1, files, referencedAt))
                    {
                        return false;
                    }
                }
                else if (entry.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(entry);
                }
            }

            return true;
        }

        /// <param name="file">The name errors show.</param>
        /// <param name="text">The YAML.</param>
        /// <param name="directory">The folder relative paths start from, if any.</param>
        /// <param name="againstSchema">
        /// Whether to validate the file against the JSON Schema: always for users' files; not for the bundled packs,
        /// which a test validates, so a run that uses only them never generates the schema (a large part of a CLI
        /// run's start-up).
        /// </param>
        /// <param name="bundled">Whether the file is one of the bundled packs, whose regular expressions are ours (see <see cref="RuleFileBinder"/>).</param>
        public void LoadFile(string file, string text, string? directory, bool againstSchema = true, bool bundled = false)
        {
            var errorsBefore = _errors.Count;
            var tree = YamlTreeReader.Read(text, file, _errors);
            if (_errors.Count > errorsBefore)
            {
                return;
            }

            if (tree is null)
            {
                // An empty file is most often one being saved, or a mistake; a file with nothing to say is an error, not a pass.
                _errors.Add(new RuleError(new SourceLocation(file, 1, 1), RuleErrorCodes.NoRules, "The rule file is empty: it has no rules and no settings. Write 'rules:' or 'extends:' in it, or remove it."));
                _files.Add(new RuleFile(file));
                return;
            }

            if (tree is not YamlTreeMapping root)
            {
                _errors.Add(new RuleError(tree.At(file), RuleErrorCodes.WrongType, "A rule file is a mapping with 'rules:' and configuration keys such as 'extends:' and 'severity:', not " + (tree is YamlTreeScalar ? "a text" : tree.ShapeName) + "; is this the file you meant?"));
                return;
            }

            var document = YamlJson.Convert(root);
            var schemaErrors = new List<RuleError>();
            if (againstSchema)
            {
                SchemaErrorTranslator.Validate(loader._schema.Value, document, document.Root, file, string.Empty, schemaErrors);
                ValidateOptions(document, file, schemaErrors);
                _errors.AddRange(schemaErrors);
            }

            var binder = new RuleFileBinder(loader._checks, file, directory, text, _errors, ReadListFile, document, new SchemaErrorIndex(schemaErrors), againstSchema, bundled);
            var bound = binder.Bind(root);

            // A file's extends apply before its own settings, so its own override theirs.
            foreach (var (reference, location) in bound.Extends)
            {
                // Relative to the current folder, as the user would type it, so messages show short paths.
                var resolved = reference.StartsWith(BuiltinPrefix, StringComparison.Ordinal) || directory is null || Path.IsPathRooted(reference)
                    ? reference
                    : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(Path.Combine(directory, reference)));
                LoadPath(resolved, location);
            }

            _files.Add(bound);
        }

        public RuleSetLoadResult Finish(RuleSetLoadOptions options)
        {
            var rules = new List<Rule>();
            var byId = new Dictionary<string, Rule>(StringComparer.Ordinal);
            var severities = new Dictionary<string, SeveritySetting>(StringComparer.Ordinal);
            var profiles = new Dictionary<string, Dictionary<string, SeveritySetting>>(StringComparer.Ordinal);
            var optionOverrides = new List<OptionsOverride>();
            var exemptions = new List<Exemption>();
            foreach (var file in _files)
            {
                foreach (var rule in file.Rules)
                {
                    if (rule.Descriptors.Select(d => d.Id).FirstOrDefault(byId.ContainsKey) is { } taken)
                    {
                        var first = byId[taken];
                        _errors.Add(new RuleError(rule.Location, RuleErrorCodes.DuplicateRuleId, $"The rule id '{taken}' is already used by the rule at {first.Location}; give this rule another id."));
                        continue;
                    }

                    foreach (var descriptor in rule.Descriptors)
                    {
                        byId.Add(descriptor.Id, rule);
                    }

                    rules.Add(rule);
                }

                foreach (var setting in file.Severities)
                {
                    severities[setting.Key] = setting;
                }

                optionOverrides.AddRange(file.Options);
                foreach (var (name, profile) in file.Profiles)
                {
                    optionOverrides.AddRange(profile.Options);
                    if (!profiles.TryGetValue(name, out var merged))
                    {
                        merged = new Dictionary<string, SeveritySetting>(StringComparer.Ordinal);
                        profiles.Add(name, merged);
                    }

                    foreach (var setting in profile.Severities)
                    {
                        merged[setting.Key] = setting;
                    }
                }

                exemptions.AddRange(file.Exemptions);
            }

            // When a file could not be read, its rules are unknown; naming them elsewhere is no error of its own.
            // Nor is naming a rule that is written but has errors: those are reported at the rule.
            var complete = !_errors.Any(error => error.Code is RuleErrorCodes.FileNotFound or RuleErrorCodes.UnreadableFile or RuleErrorCodes.TooLarge or RuleErrorCodes.InvalidEncoding);
            var broken = _files.SelectMany(file => file.RuleIdsWithErrors).ToHashSet(StringComparer.Ordinal);
            var ruleIds = byId.Keys.Concat(BuiltinRules.All.Select(rule => rule.Id)).Concat(broken).ToList();
            var categories = rules.SelectMany(rule => rule.Descriptors).Select(descriptor => descriptor.Category).Concat(BuiltinRules.All.Select(rule => rule.Category)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var setting in complete ? severities.Values.Concat(profiles.Values.SelectMany(profile => profile.Values)) : [])
            {
                CheckSeverityKey(setting, ruleIds, categories);
            }

            foreach (var exemption in exemptions.Where(exemption => complete && !ruleIds.Contains(exemption.RuleId, StringComparer.Ordinal)))
            {
                _errors.Add(new RuleError(exemption.Location, RuleErrorCodes.UnknownRule, $"The exemption names rule '{exemption.RuleId}', which no loaded rule file defines.{Suggestions.DidYouMean(exemption.RuleId, ruleIds)}"));
            }

            if (complete)
            {
                rules = ApplyOptions(rules, byId, [.. optionOverrides.Where(entry => !broken.Contains(entry.RuleId))], options.Profile);
            }

            var configuration = new SeverityConfiguration(severities.ToDictionary(pair => pair.Key, pair => pair.Value.Severity, StringComparer.Ordinal), null);
            if (options.Profile is { } profileName)
            {
                if (profiles.TryGetValue(profileName, out var profile))
                {
                    configuration = new SeverityConfiguration(profile.ToDictionary(pair => pair.Key, pair => pair.Value.Severity, StringComparer.Ordinal), configuration);
                }
                else
                {
                    var where = new SourceLocation("--profile", 0, 0);
                    var known = profiles.Count == 0 ? " No loaded file defines any profile." : Suggestions.DidYouMean(profileName, profiles.Keys);
                    _errors.Add(new RuleError(where, RuleErrorCodes.UnknownProfile, $"There is no profile '{profileName}'.{known}"));
                }
            }

            var files = _files.Select(file => file.Path).ToList();
            if (_errors.Count > 0)
            {
                // A mistake seen from two sides (a rule bound for posts and for comments) is one mistake.
                var distinct = _errors.DistinctBy(error => (error.Location, error.Code)).ToList();
                _errors.Clear();
                _errors.AddRange(distinct);
                var order = files.Select((file, index) => (file, index)).GroupBy(pair => pair.file).ToDictionary(group => group.Key, group => group.First().index, StringComparer.Ordinal);
                var sorted = _errors
                    .OrderBy(error => order.GetValueOrDefault(error.Location.File, int.MaxValue))
                    .ThenBy(error => error.Location.File, StringComparer.Ordinal)
                    .ThenBy(error => error.Location.Line)
                    .ThenBy(error => error.Location.Column)
                    .ToList();
                return new RuleSetLoadResult(null, sorted, files);
            }

            return new RuleSetLoadResult(new RuleSet(rules, configuration, exemptions, options.Profile), [], files);
        }

        /// <summary>
        /// Merges configuration's <c>options:</c> over the rules' own: the base settings of every file in load order, then
        /// the active profile's. Every profile's overrides are validated, active or not, so a mistake shows before the
        /// day the profile is needed. An id of a rule's outcome or further target names the whole rule.
        /// </summary>
        private List<Rule> ApplyOptions(List<Rule> rules, Dictionary<string, Rule> byId, List<OptionsOverride> overrides, string? activeProfile)
        {
            var byRule = new Dictionary<Rule, (List<OptionsOverride> Base, Dictionary<string, List<OptionsOverride>> Profiles)>(ReferenceEqualityComparer.Instance);
            foreach (var entry in overrides)
            {
                if (!byId.TryGetValue(entry.RuleId, out var rule))
                {
                    _errors.Add(new RuleError(entry.Location, RuleErrorCodes.UnknownRule, $"'options:' names rule '{entry.RuleId}', which no loaded rule file defines.{Suggestions.DidYouMean(entry.RuleId, byId.Keys)} Keys under 'options:' are rule ids."));
                    continue;
                }

                if (!byRule.TryGetValue(rule, out var layers))
                {
                    layers = ([], new Dictionary<string, List<OptionsOverride>>(StringComparer.Ordinal));
                    byRule.Add(rule, layers);
                }

                if (entry.Profile is null)
                {
                    layers.Base.Add(entry);
                }
                else if (layers.Profiles.TryGetValue(entry.Profile, out var profile))
                {
                    profile.Add(entry);
                }
                else
                {
                    layers.Profiles.Add(entry.Profile, [entry]);
                }
            }

            var binder = new OptionsOverrideBinder(_errors, ReadListFile);
            var replaced = new Dictionary<Rule, Rule>(ReferenceEqualityComparer.Instance);
            foreach (var (rule, (baseLayers, profileLayers)) in byRule)
            {
                var effective = baseLayers.Count > 0 ? binder.Apply(rule, baseLayers) : null;
                foreach (var (name, layers) in profileLayers)
                {
                    var withProfile = binder.Apply(rule, [.. baseLayers, .. layers]);
                    if (name == activeProfile)
                    {
                        effective = withProfile;
                    }
                }

                if (effective is not null)
                {
                    replaced[rule] = effective;
                }
            }

            return [.. rules.Select(rule => replaced.GetValueOrDefault(rule, rule))];
        }

        private void CheckSeverityKey(SeveritySetting setting, List<string> ruleIds, List<string> categories)
        {
            if (setting.Key == SeverityConfiguration.DefaultKey)
            {
                return;
            }

            if (setting.Key.StartsWith(SeverityConfiguration.CategoryPrefix, StringComparison.Ordinal))
            {
                var category = setting.Key[SeverityConfiguration.CategoryPrefix.Length..];
                if (!categories.Contains(category, StringComparer.Ordinal))
                {
                    _errors.Add(new RuleError(setting.Location, RuleErrorCodes.UnknownRule, $"No loaded rule has the category '{category}'.{Suggestions.DidYouMean(category, categories)}"));
                }

                return;
            }

            if (!ruleIds.Contains(setting.Key, StringComparer.Ordinal))
            {
                _errors.Add(new RuleError(setting.Location, RuleErrorCodes.UnknownRule, $"No loaded rule has the id '{setting.Key}'.{Suggestions.DidYouMean(setting.Key, ruleIds)} Keys are rule ids, 'category:NAME' or 'default'."));
            }
        }

        private void ValidateOptions(YamlJson document, string file, List<RuleError> errors)
        {
            if (document.Root["rules"] is not JArray rules)
            {
                return;
            }

            foreach (var rule in rules.OfType<JObject>())
            {
                if (rule["check"]?.ToString() is { } kind && loader._checks.TryGetValue(kind, out var check) && rule["options"] is JObject options)
                {
                    SchemaErrorTranslator.Validate(OptionsSchemas.For(check.OptionsType), document, options, file, $"check '{kind}'", errors);
                }
            }
        }
    }
}
