# Transactions: constraint vioaglations, rollback and savepoints.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


cl