using Ocop.Web;

var app = OcopApp.Build(args);

if (args.Contains("backup"))
{
    return await Ocop.Web.Commands.BackupCommand.RunAsync(app.Services, args);
}

if (args.Contains("restore"))
{
    return await Ocop.Web.Commands.RestoreCommand.RunAsync(app.Services, args);
}

if (args.Contains("migrate"))
{
    // Production path: apply migrations and reference data, then exit without serving.
    await OcopApp.MigrateAsync(app.Services, seedDemo: false);
    Console.WriteLine("Đã áp dụng migration và dữ liệu tham chiếu. / Migrations and reference data applied.");
    return 0;
}

if (Ocop.Web.Features.Admin.CreateAdminCommand.Matches(args))
{
    // The first administrator of a production database: create-admin <user name>, password from standard input.
    return await Ocop.Web.Features.Admin.CreateAdminCommand.RunAsync(app.Services, args, Console.In, !Console.IsInputRedirected, Console.Out, Console.Error);
}

if (Ocop.Web.Features.Import.ImportCommand.Matches(args))
{
    // An administrator's import at the server: import <kind> <file.xlsx> --user <name> [--dry-run].
    return await Ocop.Web.Features.Import.ImportCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

await OcopApp.PrepareDatabaseOnStartAsync(app);
await app.StartAsync();
OcopApp.PrintWelcome(app);
await app.WaitForShutdownAsync();
return 0;

public partial class Program;
