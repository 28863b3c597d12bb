//! The ORM's bookkeeping for sessions: every object's state, each
//! session's identity map, its new/deleted/modified objects in order, and
//! what a commit, a rollback or a savepoint does to them.
//!
//! Objects live in the host; this module sees only their [`StateId`]s. The
//! host tells it when an object it holds weakly is gone ([`Orm::discard`]).

use std::collections::HashMap;

use retort_sql::expr::Literal;

use crate::identity::IdentityKey;
use crate::mapper::{MapperId, Registry};
use crate::state::{InstanceState, SessionId, StateId, Status};

/// A mistake the session refuses, worded as SQLAlchemy words it (the host
/// adds the object's repr where `{obj}` stands).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrmError {
    /// `sqlalchemy.exc.InvalidRequestError`.
    InvalidRequest(String),
}

/// What a transaction changed, so a rollback can undo it.
#[derive(Clone, Debug, Default)]
struct Changes {
    /// Inserted by a flush: transient again after a rollback.
    inserted: Vec<StateId>,
    /// Deleted by a flush: persistent again after a rollback.
    deleted: Vec<StateId>,
}

/// One `Session`.
#[derive(Clone, Debug, Default)]
pub struct Session {
    pub identity_map: HashMap<IdentityKey, StateId>,
    /// Pending objects in `add()` order.
    pub new: Vec<StateId>,
    /// Persistent objects marked by `delete()`, in call order.
    pub deleted: Vec<StateId>,
    /// Persistent objects with attributes set since the last flush.
    pub modified: Vec<StateId>,
    /// The transaction's changes, then one entry per open savepoint.
    changes: Vec<Changes>,
    pub closed: bool,
}

/// Every state and session of a run, and the mappers they use.
#[derive(Debug, Default)]
pub struct Orm {
    pub registry: Registry,
    pub states: Vec<InstanceState>,
    pub sessions: Vec<Session>,
    next_order: u64,
}

/// What a rollback or close did, for the host to mirror on the objects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Objects whose loaded attributes are to be forgotten.
    pub expired: Vec<StateId>,
    /// Objects that left the session as transient (their attributes stay).
    pub expunged: Vec<StateId>,
}

impl Orm {
    pub fn new_state(&mut self, mapper: MapperId) -> StateId {
        let columns = self.registry.get(mapper).attrs.len();
        self.states.push(InstanceState::new(mapper, columns));
        self.states.len() - 1
    }

    pub fn new_session(&mut self) -> SessionId {
        self.sessions.push(Session { changes: vec![Changes::default()], ..Session::default() });
        self.sessions.len() - 1
    }

    pub fn state(&self, st: StateId) -> &InstanceState {
        &self.states[st]
    }

    pub fn session(&self, sid: SessionId) -> &Session {
        &self.sessions[sid]
    }

    /// `session.add(obj)`: a transient object becomes pending, a detached one persistent again.
    pub fn add(&mut self, sid: SessionId, st: StateId) -> Result<bool, OrmError> {
        let state = &self.states[st];
        match state.session {
            Some(other) if other == sid => return Ok(false),
            Some(other) => {
                return Err(OrmError::InvalidRequest(format!(
                    "Object '{{obj}}' is already attached to session '{}' (this is '{}')",
                    other + 1,
                    sid + 1
                )))
            }
            None => {}
        }
        match state.status {
            Status::Transient => {
                self.next_order += 1;
                let state = &mut self.states[st];
                state.status = Status::Pending;
                state.session = Some(sid);
                state.insert_order = self.next_order;
                self.sessions[sid].new.push(st);
            }
            Status::Detached => {
                let key = state.key.clone();
                if let Some(key) = key {
                    if let Some(&existing) = self.sessions[sid].identity_map.get(&key) {
                        if existing != st {
                            return Err(OrmError::InvalidRequest(format!(
                                "Can't attach instance {{obj}}; another instance with key {:?} is already present in this session.",
                                key.values
                            )));
                        }
                    }
                    self.sessions[sid].identity_map.insert(key, st);
                }
                let state = &mut self.states[st];
                state.status = Status::Persistent;
                state.session = Some(sid);
                // changed while detached: dirty in its new session
                if state.modified {
                    self.sessions[sid].modified.push(st);
                }
            }
            Status::Deleted => return Err(OrmError::InvalidRequest(
                "Instance '{obj}' has been deleted.  Use the make_transient() function to send this object back to the transient state."
                    .into(),
            )),
            Status::Pending | Status::Persistent => {}
        }
        Ok(true)
    }

    /// `session.delete(obj)`.
    pub fn delete(&mut self, sid: SessionId, st: StateId) -> Result<(), OrmError> {
        let state = &self.states[st];
        match state.status {
            Status::Transient => Err(OrmError::InvalidRequest("Instance '{obj}' is not persisted".into())),
            Status::Pending => {
                // SQLAlchemy expunges a pending object that is deleted
                self.expunge(sid, st);
                Ok(())
            }
            Status::Detached => {
                self.add(sid, st)?;
                self.mark_deleted(sid, st);
                Ok(())
            }
            Status::Persistent => {
                if state.session != Some(sid) {
                    return Err(OrmError::InvalidRequest(format!(
                        "Object '{{obj}}' is already attached to session '{}' (this is '{}')",
                        state.session.map_or(0, |s| s + 1),
                        sid + 1
                    )));
                }
                self.mark_deleted(sid, st);
                Ok(())
            }
            Status::Deleted => Ok(()),
        }
    }

    fn mark_deleted(&mut self, sid: SessionId, st: StateId) {
        if !self.states[st].marked_deleted {
            self.states[st].marked_deleted = true;
            self.sessions[sid].deleted.push(st);
        }
    }

    /// `session.expunge(obj)`: the object leaves the session.
    pub fn expunge(&mut self, sid: SessionId, st: StateId) {
        let session = &mut self.sessions[sid];
        session.new.retain(|&s| s != st);
        session.deleted.retain(|&s| s != st);
        session.modified.retain(|&s| s != st);
        let state = &mut self.states[st];
        if let Some(key) = &state.key {
            if session.identity_map.get(key) == Some(&st) {
                session.identity_map.remove(key);
            }
        }
        state.session = None;
        state.marked_deleted = false;
        state.status = match state.status {
            Status::Pending => Status::Transient,
            Status::Persistent | Status::Deleted => Status::Detached,
            other => other,
        };
    }

    /// `make_transient(obj)`: the object forgets its identity and its session.
    pub fn make_transient(&mut self, st: StateId) {
        if let Some(sid) = self.states[st].session {
            self.expunge(sid, st);
        }
        let state = &mut self.states[st];
        state.status = Status::Transient;
        state.key = None;
        state.committed.iter_mut().for_each(|v| *v = None);
    }

    /// An attribute of `st` was set: persistent objects become dirty candidates.
    pub fn modified(&mut self, st: StateId) {
        let state = &mut self.states[st];
        if state.modified {
            return;
        }
        state.modified = true;
        if let (Status::Persistent, Some(sid)) = (state.status, state.session) {
            self.sessions[sid].modified.push(st);
        }
    }

    /// The object of `st` is gone (the host held it weakly): forget it.
    pub fn discard(&mut self, st: StateId) {
        if let Some(sid) = self.states[st].session {
            self.expunge(sid, st);
        }
    }

    /// The persistent object with this identity in the session, if any.
    pub fn lookup(&self, sid: SessionId, key: &IdentityKey) -> Option<StateId> {
        self.sessions[sid].identity_map.get(key).copied()
    }

    /// A flush inserted `st` with these column values.
    pub fn inserted(&mut self, sid: SessionId, st: StateId, row: Vec<Literal>) {
        let mapper = self.states[st].mapper;
        let m = self.registry.get(mapper);
        let key = IdentityKey::new(self.registry.base(mapper), m.pk.iter().map(|&i| row[i].clone()).collect());
        let state = &mut self.states[st];
        state.committed = row.into_iter().map(Some).collect();
        state.status = Status::Persistent;
        state.modified = false;
        if let Some(key) = key {
            state.key = Some(key.clone());
            self.sessions[sid].identity_map.insert(key, st);
        }
        // leaves `new` when the flush ends (`flushed`)
        if let Some(c) = self.sessions[sid].changes.last_mut() {
            c.inserted.push(st);
        }
    }

    /// A flush updated `st`'s columns to these values.
    pub fn updated(&mut self, st: StateId, row: Vec<Option<Literal>>) {
        let state = &mut self.states[st];
        for (slot, value) in state.committed.iter_mut().zip(row) {
            if value.is_some() {
                *slot = value;
            }
        }
        state.modified = false;
    }

    /// A flush deleted `st`.
    pub fn deleted(&mut self, sid: SessionId, st: StateId) {
        let state = &mut self.states[st];
        state.status = Status::Deleted;
        state.marked_deleted = false;
        let key = state.key.clone();
        let session = &mut self.sessions[sid];
        if let Some(key) = key {
            if session.identity_map.get(&key) == Some(&st) {
                session.identity_map.remove(&key);
            }
        }
        session.deleted.retain(|&s| s != st);
        session.modified.retain(|&s| s != st);
        if let Some(c) = session.changes.last_mut() {
            c.deleted.push(st);
        }
    }

    /// The flush is over: inserted objects leave `new`, nothing is dirty any more.
    pub fn flushed(&mut self, sid: SessionId) {
        let states = &self.states;
        self.sessions[sid].new.retain(|&st| states[st].status == Status::Pending);
        for st in std::mem::take(&mut self.sessions[sid].modified) {
            self.states[st].modified = false;
        }
    }

    /// Persistent objects of the session, in no particular order.
    pub fn persistent(&self, sid: SessionId) -> Vec<StateId> {
        self.sessions[sid].identity_map.values().copied().collect()
    }

    /// `commit()`: deleted objects become detached, every other object
    /// expires (`expire_on_commit`); the returned states are the expired ones.
    pub fn commit(&mut self, sid: SessionId, expire: bool) -> Vec<StateId> {
        let changes = std::mem::replace(&mut self.sessions[sid].changes, vec![Changes::default()]);
        for c in changes {
            for st in c.deleted {
                let state = &mut self.states[st];
                if state.status == Status::Deleted {
                    state.status = Status::Detached;
                    state.session = None;
                }
            }
        }
        if !expire {
            return Vec::new();
        }
        let mut expired: Vec<StateId> = self.persistent(sid);
        expired.sort_unstable();
        for &st in &expired {
            self.states[st].expire();
        }
        expired
    }

    /// `rollback()`: what the transaction inserted is transient again, what
    /// it deleted persistent, pending objects are expunged, and every
    /// persistent object expires.
    pub fn rollback(&mut self, sid: SessionId) -> Outcome {
        let changes = std::mem::replace(&mut self.sessions[sid].changes, vec![Changes::default()]);
        self.undo(sid, changes)
    }

    /// `begin_nested()`: later changes can be undone apart.
    pub fn savepoint(&mut self, sid: SessionId) {
        self.sessions[sid].changes.push(Changes::default());
    }

    /// The savepoint's changes join the enclosing transaction's.
    pub fn release_savepoint(&mut self, sid: SessionId) {
        let session = &mut self.sessions[sid];
        if session.changes.len() > 1 {
            let top = session.changes.pop().unwrap_or_default();
            if let Some(outer) = session.changes.last_mut() {
                outer.inserted.extend(top.inserted);
                outer.deleted.extend(top.deleted);
            }
        }
    }

    /// `ROLLBACK TO SAVEPOINT`: only the savepoint's changes are undone.
    pub fn rollback_savepoint(&mut self, sid: SessionId) -> Outcome {
        let top = if self.sessions[sid].changes.len() > 1 { self.sessions[sid].changes.pop() } else { None };
        self.undo(sid, top.into_iter().collect())
    }

    fn undo(&mut self, sid: SessionId, changes: Vec<Changes>) -> Outcome {
        let mut out = Outcome::default();
        for c in changes.into_iter().rev() {
            for st in c.inserted.into_iter().rev() {
                let state = &mut self.states[st];
                if let Some(key) = state.key.take() {
                    if self.sessions[sid].identity_map.get(&key) == Some(&st) {
                        self.sessions[sid].identity_map.remove(&key);
                    }
                }
                state.status = Status::Transient;
                state.session = None;
                state.modified = false;
                out.expunged.push(st);
            }
            for st in c.deleted {
                let state = &mut self.states[st];
                if state.status == Status::Deleted {
                    state.status = Status::Persistent;
                    if let Some(key) = state.key.clone() {
                        self.sessions[sid].identity_map.insert(key, st);
                    }
                }
            }
        }
        for st in std::mem::take(&mut self.sessions[sid].new) {
            let state = &mut self.states[st];
            state.status = Status::Transient;
            state.session = None;
            out.expunged.push(st);
        }
        for st in std::mem::take(&mut self.sessions[sid].deleted) {
            self.states[st].marked_deleted = false;
        }
        for st in std::mem::take(&mut self.sessions[sid].modified) {
            self.states[st].modified = false;
        }
        let mut expired = self.persistent(sid);
        expired.sort_unstable();
        for &st in &expired {
            self.states[st].expire();
        }
        out.expired = expired;
        out
    }

    /// `close()`: every object leaves the session (pending ones as transient).
    pub fn close(&mut self, sid: SessionId) -> Vec<StateId> {
        let mut all: Vec<StateId> = self.sessions[sid].new.clone();
        all.extend(self.persistent(sid));
        for &st in &all {
            self.expunge(sid, st);
        }
        self.sessions[sid].changes = vec![Changes::default()];
        all
    }
}
