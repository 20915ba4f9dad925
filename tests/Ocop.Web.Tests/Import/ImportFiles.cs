using System.Net;
using MiniExcelLibs;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Import;

/// <summary>Lists as an office keeps them, written as XLSX, and the import page driven as a person would.</summary>
public static class ImportFiles
{
    public static byte[] Xlsx(IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.Select(r => r.ToDictionary(c => c.Key, c => (object)c.Value)).ToList(), sheetName: "Dữ liệu");
        return stream.ToArray();
    }

    /// <summary>The rows of an XLSX (a copy with outcomes, say) by header.</summary>
    public static List<Dictionary<string, string>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(c => c.Key, c => c.Value?.ToString() ?? "", StringComparer.Ordinal)).ToList();
    }

    /// <summary>Uploads a file on the import page and waits for its dry run; returns the job's page address.</summary>
    public static async Task<string> DryRunAsync(HttpClient person, string kind, byte[] file, string fileName = "danh-sach.xlsx")
    {
        var form = await person.GetFormAsync("/Import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form[HtmlForm.TokenField]!), HtmlForm.TokenField },
            { new StringContent(kind), "Kind" },
        };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", fileName);
        using var response = await person.PostAsync("/Import", content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(Html.Text(await response.Content.ReadAsStringAsync())));
        var job = response.Location();
        await FinishedAsync(person, job);
        return job;
    }

    /// <summary>Commits a finished dry run from its page and waits for the commit; returns the commit's page address.</summary>
    public static async Task<string> CommitAsync(HttpClient person, string dryRun)
    {
        using var response = await person.PostFormAsync(await person.GetFormAsync(dryRun, handler: "Commit"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = response.Location();
        Assert.NotEqual(dryRun, job);
        await FinishedAsync(person, job);
        return job;
    }

    /// <summary>The copy of the file with each row's outcome and reasons.</summary>
    public static async Task<List<Dictionary<string, string>>> OutcomesAsync(HttpClient person, string job)
    {
        using var response = await person.GetAsync(job + "?handler=Copy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Reloads the job's page as the browser would (its Refresh header) until it stops asking to.</summary>
    private static async Task FinishedAsync(HttpClient person, string job)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var page = await person.GetAsync(job);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            if (!page.Headers.Contains("Refresh"))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, "The import did not finish in 3 minutes.");
            await Task.Delay(200);
        }
    }
}
