using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CommunityRules.Tests.History;

/// <summary>
/// A PostgreSQL server of the tests' own: Debian's binaries (<c>pg_config --bindir</c> or
/// <c>/usr/lib/postgresql/*/bin</c>), initdb into a temporary folder, started on 127.0.0.1 at a free port, stopped and
/// deleted afterwards. As root (CI), the server runs as the <c>postgres</c> user, since initdb refuses root.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private string? _dataFolder;
    private string? _binFolder;
    private bool _asPostgresUser;

    /// <summary>Gets the connection string of the server's maintenance database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Gets why the server is not running, or null when it is.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Finds the folder of PostgreSQL's server programs, or null.</summary>
    public static string? FindBinaries()
    {
        try
        {
            var (exitCode, output, _) = ChildProcess.Run("pg_config", ["--bindir"]);
            var folder = output.Trim();
            if (exitCode == 0 && File.Exists(Path.Combine(folder, "initdb")))
            {
                return folder;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on the path: look where Debian installs the server.
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>Makes a new, empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task InitializeAsync()
    {
        _binFolder = FindBinaries();
        if (_binFolder is null)
        {
            Unavailable = "PostgreSQL's server programs are not installed (apt-get install postgresql); .ci/run installs them.";
            return;
        }

        _asPostgresUser = Environment.UserName == "root";
        _dataFolder = Directory.CreateTempSubdirectory("communityrules-pg-").FullName;
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["postgres", _dataFolder], asPostgres: false);
        }

        var port = FreePort();
        await RunAsync(
            Path.Combine(_binFolder, "initdb"),
            ["-D", $"{_dataFolder}/data", "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
            _asPostgresUser);
        await RunAsync(
            Path.Combine(_binFolder, "pg_ctl"),
            [
                "-D", $"{_dataFolder}/data", "-l", $"{_dataFolder}/server.log", "-w", "-t", "60",
                "-o", $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={_dataFolder} -c fsync=off -c max_connections=50",
                "start",
            ],
            _asPostgresUser);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async Task DisposeAsync()
    {
        if (_dataFolder is not null && _binFolder is not null && Unavailable is null)
        {
            try
            {
                await RunAsync(Path.Combine(_binFolder, "pg_ctl"), ["-D", $"{_dataFolder}/data", "-m", "immediate", "-w", "stop"], _asPostgresUser);
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                // Already stopped, or stuck: the folder goes anyway.
            }
        }

        if (_dataFolder is not null)
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var (fileName, allArguments) = asPostgres
            ? ("runuser", (string[])["-u", "postgres", "--", program, .. arguments])
            : (program, arguments);
        var (exitCode, output, error) = await ChildProcess.RunAsync(fileName, allArguments, Path.GetTempPath(), timeout: TimeSpan.FromMinutes(2));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({exitCode}): {output} {error}");
        }
    }
}
