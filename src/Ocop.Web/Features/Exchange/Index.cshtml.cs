using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Exchange;

/// <summary>The office's download of the exchange: the same rows and field names as the API, as CSV or JSON.</summary>
public sealed class IndexModel(UserScopeLoader scopes, CertificateExchange exchange) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ChangedSince { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        var (since, ok) = CertificateExchange.ParseSince(ChangedSince);
        if (!ok)
        {
            ModelState.AddModelError(nameof(ChangedSince), "Ngày không hợp lệ (yyyy-mm-dd).");
            return Page();
        }

        var rows = await exchange.LoadAsync(await scopes.GetAsync(ct), since, ct);
        return string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(rows, ExchangeJson.Options), "application/json", "ocop-giay-chung-nhan.json")
            : File(CertificateExchange.Csv(rows), "text/csv; charset=utf-8", "ocop-giay-chung-nhan.csv");
    }
}

/// <summary>The JSON of the exchange: the API's own names (camelCase).</summary>
public static class ExchangeJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
