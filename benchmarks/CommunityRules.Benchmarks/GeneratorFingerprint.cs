using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace CommunityRules.Benchmarks;

/// <summary>
/// A short hash of what an assembly does: its type, method and field names, method bodies, string literals, constants
/// and array initializer data. Unlike the MVID or the file's bytes, it does not change when the same source is built
/// in another folder or with other path settings, so cached snapshots survive rebuilds and go stale only when the
/// generator's code or data change.
/// </summary>
internal static class GeneratorFingerprint
{
    public static string Compute(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            AddText(hash, metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name));
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                AddText(hash, metadata.GetString(method.Name));
                if (method.RelativeVirtualAddress != 0)
                {
                    hash.AppendData(pe.GetMethodBody(method.RelativeVirtualAddress).GetILContent().AsSpan());
                }
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                AddText(hash, metadata.GetString(field.Name));
                if (!field.GetDefaultValue().IsNil)
                {
                    hash.AppendData(metadata.GetBlobBytes(metadata.GetConstant(field.GetDefaultValue()).Value));
                }

                // Initial data of static arrays and spans ([55, 10, 12] and the like), sized by the field's struct type.
                if (field.GetRelativeVirtualAddress() is var rva and not 0 && SizeOf(metadata, field) is var size and > 0)
                {
                    hash.AppendData(pe.GetSectionData(rva).GetContent(0, size).AsSpan());
                }
            }
        }

        // String literals.
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            AddText(hash, metadata.GetUserString(handle));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private static void AddText(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    private static int SizeOf(MetadataReader metadata, FieldDefinition field)
    {
        var signature = metadata.GetBlobReader(field.Signature);
        _ = signature.ReadSignatureHeader();
        return signature.ReadSignatureTypeCode() switch
        {
            SignatureTypeCode.TypeHandle when signature.ReadTypeHandle() is { Kind: HandleKind.TypeDefinition } type =>
                metadata.GetTypeDefinition((TypeDefinitionHandle)type).GetLayout().Size,
            SignatureTypeCode.Boolean or SignatureTypeCode.SByte or SignatureTypeCode.Byte => 1,
            SignatureTypeCode.Char or SignatureTypeCode.Int16 or SignatureTypeCode.UInt16 => 2,
            SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single => 4,
            SignatureTypeCode.Int64 or SignatureTypeCode.UInt64 or SignatureTypeCode.Double => 8,
            _ => 0,
        };
    }
}
