//! The life of a mapped object (SQLAlchemy's `InstanceState`): transient,
//! pending, persistent, deleted, detached; what the database last said its
//! columns hold; which of them are expired.

use retort_sql::expr::Literal;

use crate::identity::IdentityKey;
use crate::mapper::MapperId;

/// Index of a state in the ORM's arena.
pub type StateId = usize;
/// Index of a session.
pub type SessionId = usize;

/// What `inspect(obj)` reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Never added to a session, never saved.
    Transient,
    /// Added; inserted at the next flush.
    Pending,
    /// In the database and in a session's identity map.
    Persistent,
    /// Deleted by a flush; detached when the transaction commits.
    Deleted,
    /// Was persistent, no longer in a session.
    Detached,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Transient => "transient",
            Status::Pending => "pending",
            Status::Persistent => "persistent",
            Status::Deleted => "deleted",
            Status::Detached => "detached",
        }
    }
}

/// One mapped object's state.
#[derive(Clone, Debug)]
pub struct InstanceState {
    pub mapper: MapperId,
    pub status: Status,
    pub session: Option<SessionId>,
    pub key: Option<IdentityKey>,
    /// Per column attribute: the value the database holds as last loaded or
    /// flushed (`None`: not loaded, or expired).
    pub committed: Vec<Option<Literal>>,
    /// Order of `session.add()`, which orders INSERTs.
    pub insert_order: u64,
    /// Attributes were set since the last flush (a candidate for UPDATE).
    pub modified: bool,
    /// `session.delete()` was called; the DELETE waits for the flush.
    pub marked_deleted: bool,
}

impl InstanceState {
    pub fn new(mapper: MapperId, columns: usize) -> InstanceState {
        InstanceState {
            mapper,
            status: Status::Transient,
            session: None,
            key: None,
            committed: vec![None; columns],
            insert_order: 0,
            modified: false,
            marked_deleted: false,
        }
    }

    /// Forgets every loaded value (they load again on next access).
    pub fn expire(&mut self) {
        self.committed.iter_mut().for_each(|v| *v = None);
        self.modified = false;
    }
}
