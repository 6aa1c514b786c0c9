namespace PgPlatform.Stacks.Rotation;

/// <summary>A rotation stopped between two steps; its state is recorded, and the message says how to resume or roll back.</summary>
public sealed class RotationInterruptedException(string message, string resume, string rollBack, Exception inner)
    : Exception($"{message}. The state is recorded: to finish, {resume}; to return to the old login, {rollBack}", inner);
